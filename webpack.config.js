/**
 * Builds the task pane and the ribbon commands (as the Office add-in template does). Production
 * rewrites the dev origin in the manifest to JUESUAN_URL_PROD when it is set.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_ORIGIN = "https://localhost:3000/";
const PROD_ORIGIN = process.env.JUESUAN_URL_PROD || DEV_ORIGIN;

async function httpsOptions() {
  // only `webpack serve` needs certificates; a build never asks for them
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

/** The WPS 加载项's folder name: WPS keeps add-ins as name_version under jsaddons. */
const WPS_FOLDER = `juesuan_${require("./package.json").version}`;

/** The pane's page without office.js: WPS has its own `wps` global, and an office without internet would wait on Microsoft's CDN. */
function wpsPaneTemplate() {
  const html = require("fs").readFileSync(path.join(__dirname, "src/taskpane/taskpane.html"), "utf8");
  return html.replace(/\s*<!--[^>]*office\.js[^>]*-->/, "").replace(/\s*<script[^>]*office\.js"><\/script>/, "");
}

/** `--env wps`: the WPS 加载项 (the same pane, main.js for the ribbon; scripts/wps-package.js adds ribbon.xml and the plugin lists). */
function wpsConfig(dev) {
  return {
    devtool: dev ? "source-map" : false,
    entry: { taskpane: "./src/taskpane/index.tsx", main: "./src/wps/main.ts" },
    output: { path: path.resolve(__dirname, "dist-wps", WPS_FOLDER), clean: true, filename: "[name].js" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json" } } }],
    },
    performance: { hints: false },
    plugins: [
      // no index.html: WPS writes its own, which loads main.js
      new HtmlWebpackPlugin({ filename: "taskpane.html", templateContent: wpsPaneTemplate(), chunks: ["taskpane"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "src/help.html", to: "help.html" },
          { from: "node_modules/pdfjs-dist/legacy/build/pdf.worker.min.mjs", to: "pdf.worker.js" },
        ],
      }),
    ],
  };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  if (env.wps) return wpsConfig(dev);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      clean: true,
      filename: "[name].js",
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json" } },
        },
      ],
    },
    // the core's ExcelJS-free modules only; Node built-ins never reach the pane
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "src/help.html", to: "help.html" },
          // pdf.js reads a published PDF in a worker of its own (named .js: any web server gives it the right type)
          { from: "node_modules/pdfjs-dist/legacy/build/pdf.worker.min.mjs", to: "pdf.worker.js" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : content.toString().replaceAll(DEV_ORIGIN, PROD_ORIGIN)),
          },
        ],
      }),
    ],
    devServer: {
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      server: { type: "https", options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await httpsOptions() },
    },
  };
};
