/**
 * Builds the Excel add-in into dist/ (npm run build / build:dev / dev-server).
 *
 * Shared runtime: taskpane.html is the one page Office loads; it runs the task
 * pane and the custom functions (the `functions` and `taskpane` bundles), as
 * the Office "shared runtime" templates do; the ribbon button only shows the pane. functions.json is generated from the JSDoc tags in src/functions/functions.ts.
 *
 * Production: ADDIN_ORIGIN=https://epr.example.nhs.uk npm run build rewrites
 * https://localhost:3000/ in the copied manifest to that origin. A production
 * build without ADDIN_ORIGIN fails (it would ship a manifest pointing at
 * localhost); local builds use build:dev, or set the placeholder
 * ADDIN_ORIGIN=https://localhost:3000 explicitly (as the bench and e2e do).
 * Trident: src/taskpane/webview-check.js (plain ES5) is copied as is and shows
 * taskpane.html's message in Internet Explorer's webview, where the bundles
 * cannot run.
 * Dev server: port 3000, https with the office-addin-dev-certs certificates
 * when they are installed (or can be), plain http otherwise or with HTTP=1.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_ORIGIN = "https://localhost:3000/";
const DEV_PORT = 3000;
/** Microsoft's own Office.js; required by every Office add-in and the only third-party script the pages load. */
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

/**
 * Content-Security-Policy of the pages. Scripts only from the add-in's own
 * origin and Office.js's. Styles allow inline because Fluent UI (Griffel)
 * injects its styles at run time. No eval: devtool is "source-map" in both modes.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_JS_ORIGIN}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self' ${OFFICE_JS_ORIGIN}`,
  `frame-src 'self' ${OFFICE_JS_ORIGIN}`,
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");

/**
 * Modules that must never be in the initial chunks of the listed entries: each loads lazily on purpose, and the
 * build fails if a static import brings it back. `how` says how it is meant to load.
 */
const NOT_IN_INITIAL_CHUNKS = [
  { pattern: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", entries: ["taskpane", "functions", "workbench"], how: 'import it lazily (await import("exceljs"))' },
  {
    // The task pane validates in a Web Worker (its own chunk); checkClient's in-page fallback imports it lazily.
    pattern: /[\\/]src[\\/]core[\\/](?:validate\.ts$|rules[\\/])/,
    name: "the rule engine (src/core/validate.ts, src/core/rules)",
    entries: ["taskpane", "workbench"],
    how: "validate through the Validator the entry passes (the worker), or import src/core/validate lazily",
  },
  {
    pattern: /[\\/]src[\\/]ui[\\/]views[\\/](?:Template|Merge|Columns|Scores|Export|Stamp|Compare)View\.tsx$/,
    name: "a view other than Validate (src/ui/views)",
    entries: ["taskpane", "workbench"],
    how: "import it through src/ui/views/lazyViews.ts",
  },
  { pattern: /[\\/]src[\\/]ui[\\/]charts[\\/]/, name: "the charts (src/ui/charts)", entries: ["taskpane", "workbench"], how: "use them only from the Scores view, which loads lazily" },
  {
    // zod builds its schemas on load; the pane and the functions need it only when reading a saved mapping or a stamp.
    pattern: /[\\/]node_modules[\\/]zod[\\/]/,
    name: "zod",
    entries: ["taskpane", "functions", "workbench"],
    how: "keep enumerations and names as plain data (src/core/enums.ts, src/core/returnSheets.ts); import schemas only from lazily loaded code",
  },
];

/**
 * The origin a production manifest points at, from ADDIN_ORIGIN, as a base URL
 * ending in "/". Unset or blank is an error: a production build is what gets
 * deployed, and one that kept https://localhost:3000/ would install an add-in that loads
 * from each user's own machine. Local builds use development mode, or name the
 * placeholder origin explicitly.
 */
function productionBase(value) {
  if (value === undefined || value.trim() === "") {
    throw new Error(
      `ADDIN_ORIGIN is not set: a production build needs the https origin the add-in is served from, or dist/manifest.xml would point at ${DEV_ORIGIN}. ` +
        "Run ADDIN_ORIGIN=https://your.host npm run build to deploy; for a local build use npm run build:dev " +
        "(or set ADDIN_ORIGIN=https://localhost:3000 explicitly).",
    );
  }
  let url;
  try {
    url = new URL(value.trim());
  } catch (error) {
    throw new Error(`ADDIN_ORIGIN "${value}" is not a URL (${error instanceof Error ? error.message : String(error)})`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_ORIGIN "${value}" must be https: Office only loads add-ins over https`);
  if (url.search || url.hash || url.username) throw new Error(`ADDIN_ORIGIN "${value}" must be an origin (and optional path) only`);
  return `${url.origin}${url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`}`;
}

/** The manifest with every dev URL moved to `base` (null in development: unchanged). */
function rewriteManifest(content, base) {
  return base === null ? content : content.toString().split(DEV_ORIGIN).join(base);
}

/**
 * How the dev server serves: https with the office-addin-dev-certs files when
 * they exist; on Windows and macOS (outside CI) it may create and install them
 * first, which can show a one-off system prompt; otherwise plain http, which
 * suits the workbench and CI but not Excel (the manifest says https).
 * @returns {Promise<{ protocol: "https", options: { ca: Buffer, cert: Buffer, key: Buffer } } | { protocol: "http", reason: string }>}
 */
async function devServerTls(env = process.env) {
  if (env.HTTP === "1") return { protocol: "http", reason: "HTTP=1" };
  const devCerts = require("office-addin-dev-certs");
  const defaults = require("office-addin-dev-certs/lib/defaults");
  const files = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
  if (files.every((file) => fs.existsSync(file))) {
    const [ca, cert, key] = files.map((file) => fs.readFileSync(file));
    return { protocol: "https", options: { ca, cert, key } };
  }
  const mayInstall = (os.platform() === "win32" || os.platform() === "darwin") && !env.CI && env.EPR_NO_CERT_INSTALL !== "1";
  if (!mayInstall) return { protocol: "http", reason: `no development certificates in ${defaults.certificateDirectory} (run npx office-addin-dev-certs install)` };
  try {
    return { protocol: "https", options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    return { protocol: "http", reason: `could not install development certificates: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Fails the build when a module that must load lazily is in an entry's initial chunks. */
class InitialChunkGuardPlugin {
  /** @param {{ pattern: RegExp, name: string, entries: string[], how: string }[]} forbidden */
  constructor(forbidden) {
    this.forbidden = forbidden;
  }

  /** The forbidden items (of `candidates`) found among an entrypoint's initial chunks. */
  forbiddenIn(compilation, entrypoint, candidates) {
    const found = new Set();
    for (const chunk of entrypoint.chunks) {
      for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
        // A concatenated module (production) hides its parts in `modules`.
        const resources = [module.resource, ...(module.modules ?? []).map((inner) => inner.resource)].filter(Boolean);
        for (const item of candidates) if (resources.some((resource) => item.pattern.test(resource))) found.add(item);
      }
    }
    return [...found];
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("InitialChunkGuardPlugin", (compilation) => {
      compilation.hooks.afterSeal.tap("InitialChunkGuardPlugin", () => {
        const entries = new Set(this.forbidden.flatMap((item) => item.entries));
        for (const entry of entries) {
          const entrypoint = compilation.entrypoints.get(entry);
          if (!entrypoint) continue;
          const candidates = this.forbidden.filter((item) => item.entries.includes(entry));
          for (const item of this.forbiddenIn(compilation, entrypoint, candidates)) {
            const message = `${item.name} is in the initial chunks of the "${entry}" entry: ${item.how}, so the page stays small`;
            compilation.errors.push(new compiler.webpack.WebpackError(message));
          }
        }
      });
    });
  }
}

/**
 * Puts the Content-Security-Policy early in each page's <head> (a CSP <meta>
 * only covers what comes after it), and adds Office.js where the template
 * does not load it already.
 */
class PageHeadPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("PageHeadPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("PageHeadPlugin", (data) => {
        const csp = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`;
        // Right after <meta charset> (which must come first), else right after <head>.
        const anchor = /<meta\s+charset[^>]*>/i.test(data.html) ? /<meta\s+charset[^>]*>/i : /<head[^>]*>/i;
        let html = data.html.replace(anchor, (tag) => `${tag}${csp}`);
        const wantsOfficeJs = data.plugin.userOptions.officeJs !== false;
        if (wantsOfficeJs && !html.includes(OFFICE_JS)) html = html.replace(/<\/head>/i, `<script src="${OFFICE_JS}"></script></head>`);
        return { ...data, html };
      });
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const base = production ? productionBase(process.env.ADDIN_ORIGIN) : null;
  const serving = Boolean(env.WEBPACK_SERVE);
  const tls = serving ? await devServerTls() : null;
  if (tls && tls.protocol === "http") console.warn(`warning: dev server on plain http (${tls.reason}); Excel needs https, the workbench does not`);

  return {
    mode: production ? "production" : "development",
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      // WORKBENCH: the task pane over an .xlsx file in the browser (no Excel, no Office.js); exceljs loads lazily.
      workbench: "./src/workbench/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Entry bundles keep fixed names: the manifest points at functions.js.
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npm run lint`'s job; tsconfig.json says noEmit, which ts-loader must not inherit.
            options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: true } },
          },
        },
        {
          // src/core is the spec as pure functions: loading one of its modules only defines constants and functions.
          // Saying so lets webpack leave out a core module none of whose exports a bundle uses, even when a module
          // the bundle does use imports it for code that bundle never runs. Without it the rule engine is back in
          // the task pane's initial chunk, through checkClient's import of src/worker/protocol, whose
          // answerCheckRequest (only the worker runs it) imports src/core/validate.
          test: /[\\/]src[\\/]core[\\/]/,
          sideEffects: false,
        },
      ],
    },
    performance: { hints: "warning", maxAssetSize: 2_000_000, maxEntrypointSize: 2_000_000 },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime: the custom functions run on the task pane's page (the ribbon button only shows the pane).
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({
        filename: "workbench.html",
        template: "./src/workbench/workbench.html",
        chunks: ["workbench"],
        // The workbench runs outside Office: PageHeadPlugin must not add Office.js to it.
        officeJs: false,
      }),
      new PageHeadPlugin(),
      new InitialChunkGuardPlugin(NOT_IN_INITIAL_CHUNKS),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          // Plain ES5, copied as is (never bundled): it must run in Internet Explorer's webview, where the bundles cannot.
          { from: "src/taskpane/webview-check.js", to: "webview-check.js" },
          { from: "manifest*.xml", to: "[name][ext]", transform: (content) => rewriteManifest(content, base) },
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      server: tls && tls.protocol === "https" ? { type: "https", options: tls.options } : "http",
      headers: { "Access-Control-Allow-Origin": "*" },
      hot: false,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};

module.exports.devServerTls = devServerTls;
module.exports.productionBase = productionBase;
module.exports.rewriteManifest = rewriteManifest;
module.exports.CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY;
module.exports.DEV_PORT = DEV_PORT;
