/**
 * Completes the WPS 加载项 that `webpack --env wps` built in dist-wps/juesuan_<version>/:
 * - ribbon.xml, its words taken from manifest.xml, so that Excel's ribbon and WPS's say the same;
 * - publish.xml, for the offline mode: copied with the folder into the user's jsaddons;
 * - jsplugins.xml, for the online mode: the folder hosted at JUESUAN_WPS_URL by the IT department.
 */
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const { version } = require(path.join(ROOT, "package.json"));
const NAME = "juesuan";
const FOLDER = `${NAME}_${version}`;
const OUT = path.join(ROOT, "dist-wps");
const URL_ONLINE = process.env.JUESUAN_WPS_URL || `http://127.0.0.1:3889/${FOLDER}/`;

const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const strings = new Map([...manifest.matchAll(/<bt:String id="([^"]+)" DefaultValue="([^"]*)"/g)].map((m) => [m[1], m[2]]));
const word = (id) => {
  if (!strings.has(id)) throw new Error(`manifest.xml has no string ${id}`);
  return strings.get(id); // already XML-escaped in the manifest
};

const button = (id, label, tip, indent) =>
  `${indent}<button id="${id}" label="${word(label)}" screentip="${word(label)}" supertip="${word(tip)}" size="large" getImage="ribbon.GetImage" onAction="ribbon.OnAction"/>`;

const ribbon = `<?xml version="1.0" encoding="UTF-8"?>
<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui" onLoad="ribbon.OnAddinLoad">
  <ribbon startFromScratch="false">
    <tabs>
      <tab id="juesuan.tab" label="${word("Group.Label")}">
        <group id="juesuan.group" label="${word("Group.Label")}">
${button("juesuan.templates", "Templates.Label", "Templates.Tooltip", "          ")}
          <menu id="juesuan.check" label="${word("Check.Label")}" screentip="${word("Check.Label")}" supertip="${word("Check.Tooltip")}" size="large" getImage="ribbon.GetImage">
${button("juesuan.checkPane", "CheckPane.Label", "Check.Tooltip", "            ").replace(' size="large"', "")}
${button("juesuan.checkRun", "CheckRun.Label", "CheckRun.Tooltip", "            ").replace(' size="large"', "")}
          </menu>
${button("juesuan.score", "Score.Label", "Score.Tooltip", "          ")}
        </group>
      </tab>
    </tabs>
  </ribbon>
</customUI>
`;

const dir = path.join(OUT, FOLDER);
if (!fs.existsSync(path.join(dir, "main.js"))) throw new Error(`${dir} has no main.js: run webpack --env wps first`);
fs.writeFileSync(path.join(dir, "ribbon.xml"), ribbon);
/** A plugin list of one entry: `jsplugin` for a folder beside it (offline), `jspluginonline` for an address (online). */
const pluginList = (tag, url) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<jsplugins>
  <${tag} name="${NAME}" type="et" url="${url}" version="${version}" enable="enable_dev" install="null" customDomain=""/>
</jsplugins>
`;
fs.writeFileSync(path.join(OUT, "publish.xml"), pluginList("jsplugin", FOLDER));
fs.writeFileSync(path.join(OUT, "jsplugins.xml"), pluginList("jspluginonline", URL_ONLINE));
console.log(`WPS 加载项: ${path.relative(ROOT, dir)}/ (publish.xml for offline, jsplugins.xml → ${URL_ONLINE})`);
