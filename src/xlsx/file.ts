/**
 * An accountant's workbook file, without ExcelJS (the batch's workers load only this): read as
 * streams from its package, marked by changing only the parts the marks need.
 */
import { Grid } from "../core/grid";
import { WritePlan } from "../core/plan";
import { Package } from "./package/zip";
import { readPackage } from "./package/read";
import { applyPlanToPackage } from "./package/write";

export { UnusableWorkbookError } from "./package/zip";

/** An accountant's workbook file: its Grids, and the WritePlan applied to its own package. */
export class WorkbookFile {
  private constructor(
    private readonly pkg: Package,
    readonly grids: Grid[],
    /** a macro workbook (.xlsm): its copy keeps the macros, and must keep an .xlsm name */
    readonly macroEnabled: boolean,
  ) {}

  static async open(data: Buffer | ArrayBuffer, name?: string): Promise<WorkbookFile> {
    const pkg = await Package.open(data, name);
    const { grids, macroEnabled } = await readPackage(pkg);
    return new WorkbookFile(pkg, grids, macroEnabled);
  }

  apply(plan: WritePlan): Promise<void> {
    return applyPlanToPackage(this.pkg, plan);
  }

  save(): Promise<Buffer> {
    return this.pkg.save();
  }
}

/** The Grids of a workbook file. */
export async function readWorkbook(data: Buffer | ArrayBuffer, name?: string): Promise<Grid[]> {
  return (await readPackage(await Package.open(data, name))).grids;
}
