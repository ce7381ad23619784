/**
 * Builds the Excel add-in into dist/ (npm run build / build:dev / dev-server).
 *
 * Shared runtime: taskpane.html is the one page Office loads; it runs the task
 * pane and the custom functions (the `functions` and `taskpane` bundles), as
 * the Office "shared runtime" templates do; the ribbon button only shows the pane. functions.json is generated from the JSDoc tags in src/functions/functions.ts.
 *
 * Production: ADDIN_ORIGIN=https://epr.example.nhs.uk npm run build rewrites
 * https://localhost:3000/ in the copied manifest to that origin.
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

/** Modules that must never be in an entry's initial chunks (the workbench imports exceljs lazily). */
const NOT_IN_INITIAL_CHUNKS = [{ pattern: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs" }];
const ENTRIES_TO_GUARD = ["taskpane", "functions"];

/**
 * The origin a production manifest points at, from ADDIN_ORIGIN, as a base URL
 * ending in "/"; null (with a warning) when unset, so the build keeps localhost.
 */
function productionBase(value) {
  if (value === undefined || value.trim() === "") {
    console.warn(`warning: ADDIN_ORIGIN is not set: dist/manifest.xml keeps ${DEV_ORIGIN} (set ADDIN_ORIGIN=https://your.host to deploy)`);
    return null;
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

/** The manifest with every dev URL moved to `base`. */
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
  constructor(entries, forbidden) {
    this.entries = entries;
    this.forbidden = forbidden;
  }

  /** The first forbidden module's name among an entrypoint's initial chunks, or null. */
  forbiddenIn(compilation, entrypoint) {
    for (const chunk of entrypoint.chunks) {
      for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
        // A concatenated module (production) hides its parts in `modules`.
        const resources = [module.resource, ...(module.modules ?? []).map((inner) => inner.resource)].filter(Boolean);
        const found = this.forbidden.find(({ pattern }) => resources.some((resource) => pattern.test(resource)));
        if (found) return found.name;
      }
    }
    return null;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("InitialChunkGuardPlugin", (compilation) => {
      compilation.hooks.afterSeal.tap("InitialChunkGuardPlugin", () => {
        for (const entry of this.entries) {
          const entrypoint = compilation.entrypoints.get(entry);
          const name = entrypoint ? this.forbiddenIn(compilation, entrypoint) : null;
          if (name) {
            const message = `${name} is in the initial chunks of the "${entry}" entry: import it lazily (await import("${name}")) so the page stays small`;
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
      new InitialChunkGuardPlugin(ENTRIES_TO_GUARD, NOT_IN_INITIAL_CHUNKS),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
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
