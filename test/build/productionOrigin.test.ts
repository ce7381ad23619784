/**
 * A production build must name the origin it is deployed to (ADDIN_ORIGIN): without it the copied manifest would
 * point every user's Excel at https://localhost:3000/. The config factory (webpack.config.js) refuses, with a
 * message that says what to do; development builds need no origin. No build runs here: the factory is called.
 */
import { createRequire } from "node:module";

interface CopyPattern {
  readonly from: string;
  readonly to?: string;
  readonly transform?: (content: Buffer) => string | Buffer;
}

interface WebpackConfig {
  readonly mode: string;
  readonly plugins: readonly { readonly constructor: { readonly name: string }; readonly patterns?: readonly CopyPattern[] }[];
}

type ConfigFactory = ((env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<WebpackConfig>) & {
  readonly productionBase: (value: string | undefined) => string;
};

// webpack.config.js is CommonJS without types: load it as Node would.
const webpackConfig = createRequire(__filename)("../../webpack.config.js") as ConfigFactory;

const MANIFEST = Buffer.from('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');

function manifestTransform(config: WebpackConfig): (content: Buffer) => string | Buffer {
  const copy = config.plugins.find((plugin) => plugin.constructor.name === "CopyPlugin");
  const pattern = copy?.patterns?.find((p) => p.from === "manifest*.xml");
  if (!pattern?.transform) throw new Error("webpack.config.js copies no manifest*.xml with a transform");
  return pattern.transform;
}

describe("webpack.config.js and ADDIN_ORIGIN", () => {
  const saved = process.env.ADDIN_ORIGIN;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_ORIGIN;
    else process.env.ADDIN_ORIGIN = saved;
  });

  it("refuses a production build without ADDIN_ORIGIN, saying what to set", async () => {
    delete process.env.ADDIN_ORIGIN;
    await expect(webpackConfig({}, { mode: "production" })).rejects.toThrow(/ADDIN_ORIGIN is not set.*ADDIN_ORIGIN=https:\/\/your\.host npm run build.*npm run build:dev/);
  });

  it("refuses a blank ADDIN_ORIGIN too", async () => {
    process.env.ADDIN_ORIGIN = "  ";
    await expect(webpackConfig({}, { mode: "production" })).rejects.toThrow(/ADDIN_ORIGIN is not set/);
  });

  it("refuses an origin that is not https", async () => {
    process.env.ADDIN_ORIGIN = "http://epr.example.nhs.uk";
    await expect(webpackConfig({}, { mode: "production" })).rejects.toThrow(/must be https/);
  });

  it("builds production for an https origin, the manifest pointing at it", async () => {
    process.env.ADDIN_ORIGIN = "https://epr.example.nhs.uk";
    const config = await webpackConfig({}, { mode: "production" });
    expect(config.mode).toBe("production");
    expect(String(manifestTransform(config)(MANIFEST))).toBe('<SourceLocation DefaultValue="https://epr.example.nhs.uk/taskpane.html"/>');
  });

  it("accepts the localhost placeholder when it is named explicitly (the bench and e2e builds)", () => {
    expect(webpackConfig.productionBase("https://localhost:3000")).toBe("https://localhost:3000/");
  });

  it("needs no origin for a development build, which keeps localhost", async () => {
    delete process.env.ADDIN_ORIGIN;
    const config = await webpackConfig({}, { mode: "development" });
    expect(config.mode).toBe("development");
    expect(String(manifestTransform(config)(MANIFEST))).toContain("https://localhost:3000/taskpane.html");
  });

  it("copies webview-check.js as is, for Internet Explorer's webview", async () => {
    const config = await webpackConfig({}, { mode: "development" });
    const copy = config.plugins.find((plugin) => plugin.constructor.name === "CopyPlugin");
    expect(copy?.patterns).toContainEqual(expect.objectContaining({ from: "src/taskpane/webview-check.js", to: "webview-check.js" }));
  });
});
