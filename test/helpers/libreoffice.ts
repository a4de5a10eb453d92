/** LibreOffice headless (Debian package) as a test instrument: recalculate and render what we write. */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

function profile(): string {
  // parallel runs must not share a profile
  return `file://${fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"))}`;
}

/** Convert files with soffice; returns the output paths (same base names, new extension). */
export function soffice(files: string[], to: string, outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  execFileSync("soffice", [`-env:UserInstallation=${profile()}`, "--headless", "--convert-to", to, "--outdir", outDir, ...files], {
    stdio: "pipe",
    timeout: 180_000,
  });
  const ext = to.split(":")[0];
  return files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.${ext}`));
}

/** Render an .xlsx to PNG pages (via PDF); returns the page images. */
export function renderPng(file: string, outDir: string, dpi = 60): string[] {
  const [pdf] = soffice([file], "pdf", outDir);
  const prefix = path.join(outDir, path.basename(file, ".xlsx"));
  execFileSync("pdftoppm", ["-r", String(dpi), "-png", pdf, prefix], { stdio: "pipe" });
  return fs
    .readdirSync(outDir)
    .filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith(".png"))
    .map((f) => path.join(outDir, f))
    .sort();
}

/** Open and save through LibreOffice: formulas come back with their computed values cached. */
export function recalculate(file: string, outDir: string): string {
  return soffice([file], "xlsx:Calc MS Excel 2007 XML", outDir)[0];
}
