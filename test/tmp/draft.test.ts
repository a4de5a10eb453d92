import { readGrids } from "../../src/xlsx";
import { draftNarrativeFor } from "../../src/core/workflows";
import { seedWorkbook } from "../fixtures/seed-workbooks";
it("d", () => { const d = draftNarrativeFor(readGrids(seedWorkbook("sheets"))); console.log(d.text.split("\n").slice(10, 20).join("\n")); });
