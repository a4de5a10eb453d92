/** LibreOffice headless (Debian package) as a test instrument: recalculate and render what we write. */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** A LibreOffice profile of its own for one run (parallel runs must not share one), removed after it: each is about half a megabyte. */
function withProfile<T>(run: (profile: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  try {
    return run(`file://${dir}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Convert files with soffice; returns the output paths (same base names, new extension). */
export function soffice(files: string[], to: string, outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  withProfile((profile) =>
    execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", to, "--outdir", outDir, ...files], {
      stdio: "pipe",
      timeout: 180_000,
    }),
  );
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

/**
 * Rows inserted into a sheet the way an accountant inserts them — LibreOffice itself, by a Basic
 * macro in a profile of its own — then filled with `rows` (a string is text, a number a number,
 * null left empty), recalculated and saved as .xlsx; the saved file's path. The macro reads its
 * arguments from the environment (a macro URL's own arguments do not reach it headless).
 */
export function insertRows(file: string, sheet: string, at: number, rows: (string | number | null)[][], outDir: string): string {
  fs.mkdirSync(outDir, { recursive: true });
  return withProfile((profile) => insertRowsIn(profile, file, sheet, at, rows, outDir));
}

function insertRowsIn(profile: string, file: string, sheet: string, at: number, rows: (string | number | null)[][], outDir: string): string {
  const dir = profile.slice("file://".length);
  execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--terminate_after_init"], { stdio: "pipe", timeout: 120_000 });
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const basic = `Sub InsertRows
  On Error GoTo Failed
  src = Environ("LO_SRC")
  dst = Environ("LO_DST")
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), "_blank", 0, args())
  sh = doc.Sheets.getByName(Environ("LO_SHEET"))
  at = CLng(Environ("LO_AT"))
  lines = Split(Environ("LO_ROWS"), Chr(10))
  sh.Rows.insertByIndex(at, UBound(lines) + 1)
  For i = 0 To UBound(lines)
    cells = Split(lines(i), Chr(9))
    For j = 0 To UBound(cells)
      If Left(cells(j), 1) = "#" Then
        sh.getCellByPosition(j, at + i).setValue(CDbl(Mid(cells(j), 2)))
      ElseIf cells(j) <> "" Then
        sh.getCellByPosition(j, at + i).setString(cells(j))
      End If
    Next
  Next
  doc.calculateAll()
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = "FilterName"
  out(0).Value = "Calc MS Excel 2007 XML"
  doc.storeToURL(ConvertToURL(dst), out())
  doc.close(True)
  Exit Sub
Failed:
  Open dst & ".error.txt" For Output As #1
  Print #1, Error$ & " (line " & Erl & ")"
  Close #1
End Sub`;
  fs.writeFileSync(
    path.join(dir, "user/basic/Standard/Module1.xba"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">${esc(basic)}</script:module>\n`,
  );
  const out = path.join(outDir, `${path.basename(file, ".xlsx")}-inserted.xlsx`);
  const encoded = rows.map((r) => r.map((v) => (v === null ? "" : typeof v === "number" ? `#${v}` : v)).join("\t")).join("\n");
  execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--invisible", "--norestore", "macro:///Standard.Module1.InsertRows"], {
    stdio: "pipe",
    timeout: 120_000,
    env: { ...process.env, LO_SRC: file, LO_DST: out, LO_SHEET: sheet, LO_AT: String(at), LO_ROWS: encoded },
  });
  if (fs.existsSync(`${out}.error.txt`)) throw new Error(`LibreOffice could not insert the rows: ${fs.readFileSync(`${out}.error.txt`, "utf8").trim()}`);
  return out;
}
