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

module.exports = async (env, options) => {
  const dev = options.mode === "development";
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
