/** The WPS 加载项's main.js: WPS loads it in a page of its own and calls `window.ribbon`'s functions. */
import { WpsRuntime, ribbonFor } from "./ribbon";

const page = window as unknown as { wps?: WpsRuntime; ribbon?: ReturnType<typeof ribbonFor> };
if (page.wps) page.ribbon = ribbonFor(page.wps, window.location.href, (m) => window.alert(m));
