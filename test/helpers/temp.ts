/** A test file's scratch folder under the system's temporary folder, removed when the file's tests end. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
