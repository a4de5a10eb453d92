#!/usr/bin/env node
/**
 * Offline manifest check (office-addin-manifest validate needs Microsoft's web service):
 * 1. XSD validation with xmllint against ../shared/schemas/office-manifest-xsd (when present);
 * 2. what the XSD cannot see: every resid defined, ids unique, Workbook host, zh-CN default with
 *    en-US overrides on every string, one Url per view, and — with --dist DIR — every
 *    https://localhost:3000/… resource present in the build.
 * Usage: node scripts/validate-manifest.js [manifest.xml] [--dist dist] [--json]
 */
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const xml2js = require("xml2js");

const DEV_ORIGIN = "https://localhost:3000/";

function findSchema() {
  const candidates = [
    process.env.JUESUAN_MANIFEST_XSD,
    path.resolve(__dirname, "../../shared/schemas/office-manifest-xsd/OfficeAppManifestV1_1.xsd"),
    path.resolve(__dirname, "../schemas/office-manifest-xsd/OfficeAppManifestV1_1.xsd"),
  ].filter(Boolean);
  return candidates.find((p) => fs.existsSync(p));
}

function walk(node, visit, parentKey) {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit, parentKey));
  if (node && typeof node === "object") {
    visit(node, parentKey);
    for (const [k, v] of Object.entries(node)) if (k !== "$") walk(v, visit, k);
  }
}

async function checkManifest(file, { dist } = {}) {
  const problems = [];
  const text = fs.readFileSync(file, "utf8");
  const schema = findSchema();
  let xsd = "skipped (schema not found)";
  if (schema) {
    try {
      execFileSync("xmllint", ["--noout", "--schema", schema, file], { stdio: "pipe" });
      xsd = "valid";
    } catch (e) {
      if (e.code === "ENOENT") xsd = "skipped (xmllint not installed)";
      else problems.push(`XSD: ${String(e.stderr || e.message).trim()}`);
    }
  }
  let doc;
  try {
    doc = await xml2js.parseStringPromise(text, { explicitArray: true });
  } catch (e) {
    problems.push(`not well-formed XML: ${e.message}`);
    return { problems, xsd };
  }
  const root = doc.OfficeApp;
  if (!root) problems.push("root element is not OfficeApp");

  const defined = new Map();
  const referenced = [];
  const controlIds = [];
  const urls = [];
  walk(doc, (node, key) => {
    const a = node.$ || {};
    if (a.resid) referenced.push({ resid: a.resid, where: key });
    if (a.id && ["bt:Image", "bt:Url", "bt:String"].includes(key)) {
      if (defined.has(a.id)) problems.push(`resource id defined twice: ${a.id}`);
      defined.set(a.id, { kind: key, node });
    }
    if (a.id && ["Control", "Group", "OfficeTab"].includes(key)) controlIds.push(a.id);
    if (a.DefaultValue && /^https?:/.test(a.DefaultValue)) urls.push(a.DefaultValue);
  });
  for (const r of referenced) if (!defined.has(r.resid)) problems.push(`resid "${r.resid}" (in <${r.where}>) is not defined in <Resources>`);
  for (const id of defined.keys()) if (!referenced.some((r) => r.resid === id)) problems.push(`resource "${id}" is defined but never used`);
  const dup = controlIds.filter((id, i) => controlIds.indexOf(id) !== i);
  if (dup.length) problems.push(`duplicate control ids: ${dup.join(", ")}`);

  const hosts = (root?.Hosts?.[0]?.Host ?? []).map((h) => h.$.Name);
  if (hosts.length !== 1 || hosts[0] !== "Workbook") problems.push(`Hosts must be exactly Workbook, found: ${hosts.join(", ") || "none"}`);
  const locale = root?.DefaultLocale?.[0];
  if (locale !== "zh-CN") problems.push(`DefaultLocale must be zh-CN, found ${locale}`);
  for (const [id, d] of defined) {
    if (d.kind === "bt:String" && !(d.node["bt:Override"] ?? []).some((o) => o.$.Locale === "en-US")) {
      problems.push(`string "${id}" has no en-US override`);
    }
  }
  for (const el of ["DisplayName", "Description"]) {
    if (!(root?.[el]?.[0]?.Override ?? []).some((o) => o.$.Locale === "en-US")) problems.push(`${el} has no en-US override`);
  }
  const sets = root?.Requirements?.[0]?.Sets?.[0]?.Set ?? [];
  const excelApi = sets.find((s) => s.$.Name === "ExcelApi");
  if (!excelApi) problems.push("no ExcelApi requirement set declared");

  const origins = new Set(urls.map((u) => new URL(u).origin));
  if (origins.size !== 1) problems.push(`resource URLs use more than one origin: ${[...origins].join(", ")}`);
  const appDomains = (root?.AppDomains?.[0]?.AppDomain ?? []).map((d) => new URL(d).origin);
  for (const o of origins) if (!appDomains.includes(o)) problems.push(`origin ${o} is not listed in <AppDomains>`);

  const files = [...new Set(urls.map((u) => new URL(u).pathname.replace(/^\//, "")))];
  if (dist) {
    for (const f of files) if (!fs.existsSync(path.join(dist, f))) problems.push(`${f} is referenced by the manifest but missing from ${dist}`);
  }
  return { problems, xsd, files, resources: defined.size };
}

module.exports = { checkManifest, DEV_ORIGIN };

if (require.main === module) {
  const args = process.argv.slice(2);
  const distIdx = args.indexOf("--dist");
  const dist = distIdx >= 0 ? args[distIdx + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--dist") || path.resolve(__dirname, "../manifest.xml");
  checkManifest(file, { dist }).then((r) => {
    if (r.problems.length) {
      console.error(`manifest ${file}: ${r.problems.length} problem(s)`);
      for (const p of r.problems) console.error(`  - ${p}`);
      process.exit(1);
    }
    console.log(`manifest ${file}: OK (XSD ${r.xsd}; ${r.resources} resources${dist ? `; all ${r.files.length} files present in ${dist}` : ""})`);
  });
}
