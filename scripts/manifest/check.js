/**
 * The manifest's own checks, beyond the XSD: references resolve, ids are
 * unique, every URL is https on the add-in's one origin, the permission and
 * requirement sets are what the code needs, and the icons exist at their sizes.
 * Pure apart from reading icon files, which goes through `options.readFile`.
 */
const fs = require("node:fs");
const path = require("node:path");
const { parseXml, localName, walk } = require("./xml");

/**
 * Requirement sets the code needs, and why. ExcelApi 1.8 is the highest the
 * Office.js gateway uses (data validation); `delayForCellEdit` (an Excel.run
 * option) carries no requirement set in the API reference.
 */
const REQUIRED_SETS = Object.freeze({
  ExcelApi: "1.8", // data validation 1.8; worksheet onChanged 1.7; conditional formats 1.6; tables 1.1
  SharedRuntime: "1.1", // one runtime for task pane, ribbon and custom functions
  CustomFunctionsRuntime: "1.2", // the EPR.* functions; CustomFunctions.Error and ErrorCode need 1.2
  Settings: "1.1", // Office.Settings: the document settings earlier versions used, read as a fallback
});

const REQUIRED_PERMISSION = "ReadWriteDocument";

/** Which kind of resource each referencing element must name. */
const REFERENCE_KINDS = {
  Image: "Image",
  SourceLocation: "Url",
  LearnMoreUrl: "Url",
  FunctionFile: "Url",
  Runtime: "Url",
  Label: "ShortString",
  Title: "ShortString",
  Namespace: "ShortString",
  Description: "LongString",
};

const RESOURCE_CONTAINERS = { Images: "Image", Urls: "Url", ShortStrings: "ShortString", LongStrings: "LongString" };

/** Top-level icons and the size Office asks for. */
const TOP_LEVEL_ICONS = { IconUrl: 32, HighResolutionIconUrl: 64 };

/** Elements whose DefaultValue is a URL (their bt:Override children carry URLs in Value). */
const URL_ELEMENTS = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "Image", "Url"]);

function compareVersions(a, b) {
  const pa = String(a).split(".").map(Number);
  const pb = String(b).split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!bytes || bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  if (bytes.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function describe(element) {
  const id = element.attributes.id ?? element.attributes.resid;
  return id ? `<${element.name} ${element.attributes.id ? "id" : "resid"}="${id}">` : `<${element.name}>`;
}

function collectResources(nodes, errors) {
  const resources = new Map();
  for (const { element, ancestors } of nodes) {
    const container = ancestors[ancestors.length - 1];
    const kind = RESOURCE_CONTAINERS[container];
    if (!kind || ancestors[ancestors.length - 2] !== "Resources") continue;
    const id = element.attributes.id;
    if (!id) {
      errors.push(`line ${element.line}: ${describe(element)} in <Resources> has no id`);
      continue;
    }
    if (resources.has(id)) errors.push(`line ${element.line}: resource id "${id}" is defined more than once in <Resources>`);
    else resources.set(id, { kind, element });
  }
  return resources;
}

function checkUniqueIds(nodes, errors) {
  const seen = new Map();
  for (const { element } of nodes) {
    const id = element.attributes.id;
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first !== undefined) errors.push(`line ${element.line}: id "${id}" is used again (first on line ${first})`);
    else seen.set(id, element.line);
  }
}

function checkReferences(nodes, resources, errors, warnings) {
  const used = new Set();
  for (const { element } of nodes) {
    const resid = element.attributes.resid;
    if (resid === undefined) continue;
    used.add(resid);
    const resource = resources.get(resid);
    const name = localName(element.name);
    if (!resource) {
      errors.push(`line ${element.line}: resid "${resid}" (on <${element.name}>) is not defined in <Resources>`);
      continue;
    }
    const expected = REFERENCE_KINDS[name];
    if (expected && resource.kind !== expected) {
      errors.push(`line ${element.line}: resid "${resid}" on <${element.name}> must name a bt:${expected}s entry, but names a bt:${resource.kind}s entry`);
    }
  }
  for (const [id, resource] of resources) {
    if (!used.has(id)) warnings.push(`line ${resource.element.line}: resource "${id}" is defined but never referenced`);
  }
}

/** Every URL in the manifest, with a label saying where it came from. */
function collectUrls(nodes) {
  const urls = [];
  for (const { element, ancestors } of nodes) {
    const name = localName(element.name);
    const label = element.attributes.id ? `bt:${name} ${element.attributes.id}` : ancestors.concat(name).slice(-2).join("/");
    if (URL_ELEMENTS.has(name) && element.attributes.DefaultValue !== undefined) {
      urls.push({ url: element.attributes.DefaultValue, label, line: element.line });
    }
    if (name === "Override" && URL_ELEMENTS.has(ancestors[ancestors.length - 1] ?? "") && element.attributes.Value !== undefined) {
      urls.push({ url: element.attributes.Value, label: `${label} (${element.attributes.Locale ?? "override"})`, line: element.line });
    }
    if (name === "AppDomain") urls.push({ url: element.text.trim(), label: "AppDomain", line: element.line });
  }
  return urls;
}

function checkUrls(urls, origin, errors) {
  for (const { url, label, line } of urls) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch (error) {
      errors.push(`line ${line}: "${url}" (${label}) is not a valid URL (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    if (parsed.protocol !== "https:") errors.push(`line ${line}: URL "${url}" (${label}) is not https`);
    else if (origin && parsed.origin !== origin) {
      errors.push(`line ${line}: URL "${url}" (${label}) is on ${parsed.origin}, not the add-in's own origin ${origin} (no third-party domains)`);
    }
  }
}

function childrenNamed(element, name) {
  return element.children.filter((child) => localName(child.name) === name);
}

function checkRequirements(root, requiredSets, errors) {
  const sets = childrenNamed(root, "Requirements").flatMap((r) => childrenNamed(r, "Sets"));
  const declared = new Map();
  for (const setsElement of sets) {
    const defaultMin = setsElement.attributes.DefaultMinVersion ?? "1.1";
    for (const set of childrenNamed(setsElement, "Set")) declared.set(set.attributes.Name, set.attributes.MinVersion ?? defaultMin);
  }
  for (const [name, min] of Object.entries(requiredSets)) {
    const version = declared.get(name);
    if (version === undefined) errors.push(`<Requirements> must list the set ${name} ${min} (the code needs it)`);
    else if (compareVersions(version, min) < 0) errors.push(`<Requirements> lists ${name} ${version}, but the code needs ${name} ${min}`);
  }
}

/** The shared runtime only loads when the page, function file and runtime all use the same resid. */
function checkSharedRuntime(nodes, errors) {
  const runtimes = nodes.filter(({ element }) => localName(element.name) === "Runtime");
  const longRuntime = runtimes.find(({ element }) => element.attributes.lifetime === "long");
  if (!longRuntime) {
    errors.push('no <Runtime lifetime="long">: the shared runtime (SharedRuntime 1.1) needs one');
    return;
  }
  const resid = longRuntime.element.attributes.resid;
  for (const { element, ancestors } of nodes) {
    const name = localName(element.name);
    const isPage = name === "SourceLocation" && ancestors[ancestors.length - 1] === "Page";
    if ((isPage || name === "FunctionFile") && element.attributes.resid !== resid) {
      errors.push(`line ${element.line}: ${isPage ? "custom functions <Page>" : "<FunctionFile>"} uses resid "${element.attributes.resid}", but the shared runtime is "${resid}"`);
    }
  }
}

/** Expected pixel size of each image URL: top-level icons, and bt:Image resources by the sizes they are referenced at. */
function expectedIconSizes(root, nodes, resources, errors) {
  const expected = [];
  for (const [name, size] of Object.entries(TOP_LEVEL_ICONS)) {
    const element = childrenNamed(root, name)[0];
    if (element?.attributes.DefaultValue) expected.push({ url: element.attributes.DefaultValue, size, label: name });
  }
  const sizeById = new Map();
  for (const { element } of nodes) {
    if (localName(element.name) !== "Image" || element.attributes.resid === undefined) continue;
    const size = Number(element.attributes.size);
    const previous = sizeById.get(element.attributes.resid);
    if (previous !== undefined && previous !== size) {
      errors.push(`line ${element.line}: image "${element.attributes.resid}" is used at size ${size} here and ${previous} elsewhere`);
    }
    sizeById.set(element.attributes.resid, size);
  }
  for (const [id, size] of sizeById) {
    const resource = resources.get(id);
    if (resource?.kind === "Image") expected.push({ url: resource.element.attributes.DefaultValue, size, label: `bt:Image ${id}` });
  }
  return expected;
}

function checkIcons(expected, siteRoot, readFile, errors) {
  for (const { url, size, label } of expected) {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(url).pathname);
    } catch {
      continue; // an invalid URL is already reported by checkUrls
    }
    const file = path.join(siteRoot, ...pathname.split("/").filter(Boolean));
    let bytes;
    try {
      bytes = readFile(file);
    } catch (error) {
      errors.push(`${label}: icon file ${file} is missing (${error && error.code ? error.code : String(error)})`);
      continue;
    }
    const dimensions = pngSize(bytes);
    if (!dimensions) errors.push(`${label}: ${file} is not a PNG`);
    else if (dimensions.width !== size || dimensions.height !== size) {
      errors.push(`${label}: ${file} is ${dimensions.width}x${dimensions.height} px, expected ${size}x${size}`);
    }
  }
}

/**
 * Checks manifest XML text.
 * @param {string} xml the manifest
 * @param {{ siteRoot?: string | null, readFile?: (file: string) => Buffer, requiredSets?: Record<string, string> }} [options]
 *   siteRoot: the local folder served at the add-in's origin (URL /assets/x.png → siteRoot/assets/x.png);
 *   null skips the icon file checks.
 * @returns {{ errors: string[], warnings: string[], origin: string | null }}
 */
function checkManifestXml(xml, options = {}) {
  const { siteRoot = null, readFile = (file) => fs.readFileSync(file), requiredSets = REQUIRED_SETS } = options;
  const errors = [];
  const warnings = [];
  let root;
  try {
    root = parseXml(xml);
  } catch (error) {
    return { errors: [`not well-formed XML: ${error instanceof Error ? error.message : String(error)}`], warnings, origin: null };
  }
  if (localName(root.name) !== "OfficeApp") errors.push(`the root element is <${root.name}>, expected <OfficeApp>`);
  if (root.attributes["xsi:type"] !== "TaskPaneApp") errors.push(`<OfficeApp> xsi:type is "${root.attributes["xsi:type"]}", expected "TaskPaneApp"`);

  const nodes = walk(root);
  const hosts = childrenNamed(root, "Hosts").flatMap((h) => childrenNamed(h, "Host"));
  if (!hosts.some((h) => h.attributes.Name === "Workbook")) errors.push('<Hosts> must include <Host Name="Workbook"/> (Excel)');

  const permissions = childrenNamed(root, "Permissions")[0]?.text.trim();
  if (permissions !== REQUIRED_PERMISSION) errors.push(`<Permissions> is "${permissions ?? "(missing)"}", expected ${REQUIRED_PERMISSION}`);

  const sourceLocation = childrenNamed(root, "DefaultSettings").flatMap((d) => childrenNamed(d, "SourceLocation"))[0];
  let origin = null;
  try {
    origin = sourceLocation ? new URL(sourceLocation.attributes.DefaultValue).origin : null;
  } catch {
    origin = null; // reported with the other URLs below
  }
  if (!sourceLocation) errors.push("<DefaultSettings><SourceLocation> is missing: it sets the add-in's origin");

  checkUniqueIds(nodes, errors);
  const resources = collectResources(nodes, errors);
  checkReferences(nodes, resources, errors, warnings);
  checkUrls(collectUrls(nodes), origin, errors);
  checkRequirements(root, requiredSets, errors);
  checkSharedRuntime(nodes, errors);
  const icons = expectedIconSizes(root, nodes, resources, errors);
  if (siteRoot !== null) checkIcons(icons, siteRoot, readFile, errors);
  return { errors, warnings, origin };
}

/** Reads and checks a manifest file; icons are looked up relative to the file's folder. */
function checkManifestFile(file, options = {}) {
  const xml = fs.readFileSync(file, "utf8");
  return checkManifestXml(xml, { siteRoot: path.dirname(path.resolve(file)), ...options });
}

module.exports = { checkManifestXml, checkManifestFile, pngSize, compareVersions, REQUIRED_SETS, REQUIRED_PERMISSION };
