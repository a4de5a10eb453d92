/** The command line run in-process, its exit code and what it wrote to stderr and stdout. */
import { main } from "../../src/cli";

export async function runCli(...argv: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  let stderr = "";
  let stdout = "";
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s) => ((stdout += String(s)), true));
  try {
    return { code: await main(argv), stderr, stdout };
  } finally {
    e.mockRestore();
    o.mockRestore();
  }
}
