/** What the pane's browser tests share: a test bundle built with webpack, a local web server, headless Chromium. */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import webpack from "webpack";
import { Browser, chromium } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const OUT = path.join(ROOT, "test-output/e2e");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** A folder of test output emptied for this run (kept afterwards, to be looked at). */
export function freshDir(dir: string): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A test-only entry (a fake host) bundled for the browser. */
export function bundle(entry: string, filename: string): Promise<string> {
  return new Promise((resolve, reject) => {
    webpack(
      {
        mode: "development",
        devtool: false,
        entry: path.join(ROOT, entry),
        output: { path: OUT, filename },
        resolve: { extensions: [".ts", ".js"] },
        module: { rules: [{ test: /\.ts$/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: path.join(ROOT, "tsconfig.json") } } }] },
      },
      (err, stats) => (err || stats?.hasErrors() ? reject(err ?? new Error(stats!.toString("errors-only"))) : resolve(path.join(OUT, filename))),
    );
  });
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png", ".xml": "application/xml" };

/** Serves `dir` on 127.0.0.1; `pages` answers paths the folder does not hold (a page the host would write). */
export function serve(dir: string, pages: Record<string, string> = {}): Promise<{ server: http.Server; base: string }> {
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (pages[name] !== undefined) {
      res.writeHead(200, { "Content-Type": TYPES[path.extname(name)] ?? "text/html; charset=utf-8" }).end(pages[name]);
      return;
    }
    const file = path.join(dir, name);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({ server, base: `http://127.0.0.1:${port}` });
    }),
  );
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
