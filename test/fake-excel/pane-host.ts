/** The task pane's own WorkbookHost (src/host), running against the fake instead of Office. */
import * as office from "../../src/excel";
import { WorkbookHost, officeHost } from "../../src/host";
import { FakeExcelHost, FakeRequestContext } from "./host";

export function paneHost(host: FakeExcelHost): WorkbookHost {
  const caps = office.detectCapabilities((n, v) => host.isSetSupported(n, v));
  return officeHost(caps, (batch) => host.run((c: FakeRequestContext) => batch(c as unknown as Excel.RequestContext)));
}
