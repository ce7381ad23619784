/**
 * Structural check of the manifest against Microsoft's add-in manifest XSDs
 * (version 1.1), offline. The schemas are not part of the project: CI keeps
 * them in ../shared/office-manifest-xsd (see its README). Uses the system
 * xmllint when installed, else the xmllint-wasm package.
 */
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
const SYSTEM_XMLLINT = "/usr/bin/xmllint";

/** Where the schemas are: $EPR_MANIFEST_XSD_DIR, else ../shared/office-manifest-xsd next to the project. */
function defaultXsdDir(projectRoot) {
  return process.env.EPR_MANIFEST_XSD_DIR || path.resolve(projectRoot, "..", "shared", "office-manifest-xsd");
}

function withSystemXmllint(manifestPath, xsdDir) {
  const result = spawnSync(SYSTEM_XMLLINT, ["--noout", "--schema", path.join(xsdDir, MAIN_SCHEMA), manifestPath], { encoding: "utf8" });
  if (result.error) throw result.error;
  if (result.status === 0) return { ok: true, tool: "xmllint", errors: [] };
  const errors = result.stderr.split("\n").filter((line) => line.trim() !== "" && !/ fails to validate$/.test(line));
  return { ok: false, tool: "xmllint", errors: errors.length > 0 ? errors : [`xmllint exited with status ${result.status}`] };
}

async function withXmllintWasm(manifestPath, xsdDir) {
  const { validateXML } = require("xmllint-wasm");
  const schemaFiles = fs.readdirSync(xsdDir).filter((name) => name.endsWith(".xsd"));
  const read = (name) => ({ fileName: name, contents: fs.readFileSync(path.join(xsdDir, name), "utf8") });
  const result = await validateXML({
    xml: [{ fileName: path.basename(manifestPath), contents: fs.readFileSync(manifestPath, "utf8") }],
    schema: [read(MAIN_SCHEMA)],
    preload: schemaFiles.filter((name) => name !== MAIN_SCHEMA).map(read),
  });
  return { ok: result.valid, tool: "xmllint-wasm", errors: result.errors.map((e) => e.rawMessage ?? e.message) };
}

/**
 * Validates a manifest file against the XSDs.
 * @returns {Promise<{ skipped: string } | { ok: boolean, tool: string, errors: string[] }>}
 */
async function validateAgainstXsd(manifestPath, xsdDir) {
  if (!fs.existsSync(path.join(xsdDir, MAIN_SCHEMA))) {
    return { skipped: `skipped XSD check: the manifest schemas are not at ${xsdDir} (set EPR_MANIFEST_XSD_DIR, or see ../shared/office-manifest-xsd/README.md)` };
  }
  if (fs.existsSync(SYSTEM_XMLLINT)) return withSystemXmllint(manifestPath, xsdDir);
  return withXmllintWasm(manifestPath, xsdDir);
}

module.exports = { validateAgainstXsd, defaultXsdDir, withXmllintWasm, MAIN_SCHEMA };
