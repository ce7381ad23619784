/** The add-in manifest: the real one passes every check; each kind of breakage is caught with a clear message. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkManifestFile, checkManifestXml, compareVersions, pngSize, REQUIRED_SETS } from "../../scripts/manifest/check";
import { defaultXsdDir, MAIN_SCHEMA, validateAgainstXsd, withXmllintWasm } from "../../scripts/manifest/xsd";

const ROOT = path.resolve(__dirname, "..", "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const MANIFEST = fs.readFileSync(MANIFEST_PATH, "utf8");

/** Checks a variant of the real manifest, with icons read from the project's assets. */
function checkVariant(from: string | RegExp, to: string): string[] {
  const variant = MANIFEST.replace(from, to);
  expect(variant).not.toBe(MANIFEST);
  return checkManifestXml(variant, { siteRoot: ROOT }).errors;
}

describe("the real manifest", () => {
  it("passes the own checks with no errors and no warnings", () => {
    const result = checkManifestFile(MANIFEST_PATH);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.origin).toBe("https://localhost:3000");
  });

  it("lists every requirement set the code needs", () => {
    expect(REQUIRED_SETS).toEqual({ ExcelApi: "1.8", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.2", Settings: "1.1" });
  });

  it("references icons that are PNGs of the named sizes", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`)))).toEqual({ width: size, height: size });
    }
  });

  it("uses the EPR namespace for the custom functions", () => {
    expect(MANIFEST).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="EPR"\s*\/>/);
  });
});

describe("XSD validation", () => {
  const xsdDir = defaultXsdDir(ROOT);
  const haveSchemas = fs.existsSync(path.join(xsdDir, MAIN_SCHEMA));
  if (!haveSchemas) console.warn(`skipped XSD tests: the manifest schemas are not at ${xsdDir}`);
  const itWithSchemas = haveSchemas ? it : it.skip;

  itWithSchemas("accepts the real manifest", async () => {
    const result = await validateAgainstXsd(MANIFEST_PATH, xsdDir);
    expect(result).toEqual(expect.objectContaining({ ok: true, errors: [] }));
  });

  itWithSchemas("rejects an invalid permission through xmllint-wasm too", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "epr-manifest-"));
    const file = path.join(dir, "manifest.xml");
    fs.writeFileSync(file, MANIFEST.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"));
    const result = await withXmllintWasm(file, xsdDir);
    expect(result.ok).toBe(false);
    expect(result.errors.join("\n")).toMatch(/Permissions/);
  });

  it("reports a skip, not a failure, when the schemas are absent", async () => {
    const result = await validateAgainstXsd(MANIFEST_PATH, path.join(ROOT, "no-such-folder"));
    expect(result).toEqual({ skipped: expect.stringMatching(/^skipped XSD check: /) });
  });
});

describe("broken manifests", () => {
  it("catches a resid that is not defined in Resources", () => {
    const errors = checkVariant('<Label resid="EprReturn.Group.Label"/>', '<Label resid="Missing.Label"/>');
    expect(errors).toContainEqual(expect.stringContaining('resid "Missing.Label" (on <Label>) is not defined in <Resources>'));
  });

  it("catches a resid of the wrong kind", () => {
    const errors = checkVariant('<Label resid="EprReturn.Group.Label"/>', '<Label resid="Taskpane.Url"/>');
    expect(errors).toContainEqual(expect.stringContaining("must name a bt:ShortStrings entry, but names a bt:Urls entry"));
  });

  it("catches an http URL", () => {
    const errors = checkVariant('"https://localhost:3000/taskpane.html"/>\n        <bt:Url id="Functions.Script.Url"', '"http://localhost:3000/taskpane.html"/>\n        <bt:Url id="Functions.Script.Url"');
    expect(errors).toEqual([expect.stringContaining('URL "http://localhost:3000/taskpane.html" (bt:Url Taskpane.Url) is not https')]);
  });

  it("catches a third-party domain", () => {
    const errors = checkVariant('<SupportUrl DefaultValue="https://localhost:3000/assets/help.html"/>', '<SupportUrl DefaultValue="https://www.example.com/help"/>');
    expect(errors).toEqual([expect.stringContaining("is on https://www.example.com, not the add-in's own origin https://localhost:3000")]);
  });

  it("catches a missing permission", () => {
    const errors = checkVariant("<Permissions>ReadWriteDocument</Permissions>", "");
    expect(errors).toEqual(['<Permissions> is "(missing)", expected ReadWriteDocument']);
  });

  it("catches a weaker permission", () => {
    const errors = checkVariant("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>");
    expect(errors).toEqual(['<Permissions> is "ReadDocument", expected ReadWriteDocument']);
  });

  it("catches a duplicate id", () => {
    const errors = checkVariant('<bt:String id="GetStarted.Title"', '<bt:String id="EprReturn.Group.Label"');
    expect(errors).toContainEqual(expect.stringContaining('id "EprReturn.Group.Label" is used again'));
    expect(errors).toContainEqual(expect.stringContaining('resid "GetStarted.Title" (on <Title>) is not defined'));
  });

  it("catches a missing or too low requirement set", () => {
    expect(checkVariant(/\s*<Set Name="ExcelApi" MinVersion="1.8"\/>/, "")).toEqual(["<Requirements> must list the set ExcelApi 1.8 (the code needs it)"]);
    expect(checkVariant('<Set Name="ExcelApi" MinVersion="1.8"/>', '<Set Name="ExcelApi" MinVersion="1.7"/>')).toEqual([
      "<Requirements> lists ExcelApi 1.7, but the code needs ExcelApi 1.8",
    ]);
  });

  it("catches a shared runtime whose page uses another resid", () => {
    const variant = MANIFEST.replace("<FunctionFile resid=\"Taskpane.Url\"/>", '<FunctionFile resid="Functions.Script.Url"/>');
    const { errors } = checkManifestXml(variant, { siteRoot: ROOT });
    expect(errors).toEqual([expect.stringContaining('<FunctionFile> uses resid "Functions.Script.Url", but the shared runtime is "Taskpane.Url"')]);
  });

  it("catches an icon of the wrong size and a missing icon", () => {
    const sixteen = fs.readFileSync(path.join(ROOT, "assets", "icon-16.png"));
    const readFile = (file: string): Buffer => {
      if (file.endsWith("icon-80.png")) throw Object.assign(new Error("not found"), { code: "ENOENT" });
      return file.endsWith("icon-32.png") ? sixteen : fs.readFileSync(file);
    };
    const { errors } = checkManifestXml(MANIFEST, { siteRoot: ROOT, readFile });
    expect(errors).toContainEqual(expect.stringMatching(/^IconUrl: .*icon-32\.png is 16x16 px, expected 32x32$/));
    expect(errors).toContainEqual(expect.stringMatching(/^bt:Image Icon\.80x80: icon file .*icon-80\.png is missing \(ENOENT\)$/));
  });

  it("reports XML that is not well-formed", () => {
    const { errors } = checkManifestXml(MANIFEST.replace("</Hosts>", "</Host>"));
    expect(errors).toEqual([expect.stringMatching(/^not well-formed XML: line \d+: closing tag <\/Host> does not match <Hosts>$/)]);
  });
});

describe("helpers", () => {
  it("compares dotted versions numerically", () => {
    expect(compareVersions("1.10", "1.8")).toBeGreaterThan(0);
    expect(compareVersions("1.8", "1.8")).toBe(0);
    expect(compareVersions("1.1", "1.8")).toBeLessThan(0);
  });

  it("reads no size from bytes that are not a PNG", () => {
    expect(pngSize(Buffer.from("GIF89a not a png at all, long enough"))).toBeNull();
  });
});
