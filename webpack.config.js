// Builds the task pane, the ribbon commands and the browser mode, and copies the manifest with its base URL set.
// ADDIN_BASE_URL (https, ending in "/") is where dist/ will be hosted; it replaces https://localhost:3000/ in manifest.xml.
// Two compilations: "modern" (ES2022, React + Fluent UI: the pane in Edge WebView2 / Chromium / Safari, and the browser
// mode) and "legacy" (ES5 + polyfills, src/legacy: the pane in Internet Explorer 11 and EdgeHTML webviews of Office
// 2016/2019, the boot script that picks a pane, and the ribbon commands, which run in that same webview).
"use strict";
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_BASE_URL = "https://localhost:3000/";
const DEV_PORT = 3000;

// Content Security Policy of every page, as a <meta http-equiv> (the pages are static files on any web server) and,
// on the dev server, as a header. Scripts come only from the page's own origin, plus the Office script host for the
// pages that load office.js; no eval, no inline script; requests (fetch, XHR, WebSocket) only to the page's origin.
// style-src needs 'unsafe-inline': Fluent UI's griffel inserts <style> elements at run time (measured in Chromium by
// tests/e2e/security.test.ts), and so does Excel on the web's own script (OfficeDev/office-js#1687).
// Office's own telemetry (oteljs) is refused by connect-src on purpose: nothing leaves the machine from our pages.
const OFFICE_SCRIPT_HOST = "https://appsforoffice.microsoft.com";

/** The policy of a page; `office`: the page loads office.js. */
function contentSecurityPolicy({ office }) {
  return [
    "default-src 'self'",
    `script-src 'self'${office ? ` ${OFFICE_SCRIPT_HOST}` : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** Every page we ship and whether it loads office.js (the task pane from the modern build, the ribbon commands' page
 * from the legacy one, the browser mode). */
const PAGES = [
  { filename: "taskpane.html", office: true },
  { filename: "commands.html", office: true },
  { filename: "index.html", office: false },
];

function page(filename) {
  const p = PAGES.find((x) => x.filename === filename);
  if (!p) throw new Error(`no page ${filename}`);
  return p;
}

/** Reads ADDIN_BASE_URL; a wrong value stops the build, a missing one falls back to localhost (with a warning in production). */
function resolveBaseUrl(production) {
  const raw = process.env.ADDIN_BASE_URL;
  if (raw === undefined || raw.trim() === "") {
    if (production) {
      process.stderr.write(
        "\n[CẢNH BÁO] Chưa đặt ADDIN_BASE_URL: dist/manifest.xml sẽ trỏ tới " + DEV_BASE_URL + " (chỉ dùng để thử trên máy này).\n" +
        "[WARNING] ADDIN_BASE_URL is not set: dist/manifest.xml will point at " + DEV_BASE_URL + " (only good for local testing).\n" +
        "          Ví dụ / Example: ADDIN_BASE_URL=https://example.gov.vn/chitieu/ npm run build\n\n",
      );
    }
    return DEV_BASE_URL;
  }
  const value = raw.trim();
  let url;
  try { url = new URL(value); } catch {
    throw new Error(`ADDIN_BASE_URL "${value}" không phải URL hợp lệ / is not a valid URL`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_BASE_URL phải dùng https / must use https: "${value}"`);
  if (!value.endsWith("/")) throw new Error(`ADDIN_BASE_URL phải kết thúc bằng "/" / must end with "/": "${value}"`);
  return value;
}

/** Engines the legacy compilation targets: the webviews of volume-licensed Office 2016/2019 and early Microsoft 365. */
const LEGACY_TARGETS = "ie 11, edge 18";

/** The boot script and what it imports: ES5, and nothing polyfilled. */
const BOOT_FILES = [path.resolve(__dirname, "src/legacy/boot.ts"), path.resolve(__dirname, "src/legacy/engine.ts")];

function babel(polyfills) {
  return {
    loader: "babel-loader",
    options: {
      babelrc: false,
      configFile: false,
      sourceType: "unambiguous",
      presets: [
        ["@babel/preset-env", { targets: LEGACY_TARGETS, modules: false, bugfixes: true, ...polyfills }],
        "@babel/preset-typescript",
      ],
    },
  };
}

/**
 * The ES5 compilation: babel (TypeScript stripped, syntax lowered to ES5, core-js polyfills added where used) over our
 * sources and the packages they bundle (zod); core-js itself and webpack's own helpers are not run through babel.
 * One file per entry (no split chunks, no lazy chunks): the boot script names them in taskpane.html.
 */
function legacyConfig({ production, onEntries }) {
  return {
    name: "legacy",
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "cheap-module-source-map", // no eval: IE11 debugging and the pages' CSP
    target: ["web", "es5"],
    entry: {
      boot: "./src/legacy/boot.ts",
      pane: "./src/legacy/index.ts",
      commands: ["./src/legacy/setup.ts", "./src/commands/commands.ts"],
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "legacy/[name].[contenthash:8].js" : "legacy/[name].js",
      publicPath: "",
      asyncChunks: false,
      // the modern compilation owns the rest of dist/
      clean: { keep: (file) => !/^legacy[\\/]/.test(file) && file !== "commands.html" },
      environment: { arrowFunction: false, const: false, destructuring: false, forOf: false, optionalChaining: false, templateLiteral: false },
    },
    resolve: {
      extensions: [".ts", ".js", ".json"],
      extensionAlias: { ".js": [".ts", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.[cm]?[jt]s$/,
          exclude: /[\\/]node_modules[\\/](core-js|webpack|@babel)[\\/]/,
          // the boot script runs on every engine before any polyfill: lowered to ES5 but given none (it needs none)
          oneOf: [
            { include: BOOT_FILES, use: babel({ useBuiltIns: false }) },
            { use: babel({ useBuiltIns: "usage", corejs: "3.51" }) },
          ],
        },
      ],
    },
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
    plugins: [
      // the ribbon commands' page loads only the ES5 commands bundle (Excel runs it in the pane's webview)
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"], csp: contentSecurityPolicy(page("commands.html")) }),
      { apply: (compiler) => compiler.hooks.done.tap("LegacyEntries", (stats) => onEntries(entryFiles(stats))) },
    ],
  };
}

/** Each entry's JavaScript files, in load order. */
function entryFiles(stats) {
  const json = stats.toJson({ all: false, entrypoints: true });
  const files = {};
  for (const [name, ep] of Object.entries(json.entrypoints)) {
    files[name] = ep.assets.map((a) => (typeof a === "string" ? a : a.name)).filter((f) => f.endsWith(".js"));
  }
  return files;
}

module.exports = (env, argv) => {
  const production = (argv && argv.mode) !== "development";
  const baseUrl = resolveBaseUrl(production);
  // filled by the legacy compilation, read when taskpane.html is written (the modern one waits for it: dependencies)
  const legacy = { boot: [], pane: [], commands: [] };
  const legacyFile = (name) => {
    if (legacy[name].length !== 1) throw new Error(`legacy entry "${name}" should be one file, got ${JSON.stringify(legacy[name])}`);
    return legacy[name][0];
  };

  const modern = {
    name: "modern",
    dependencies: ["legacy"],
    mode: production ? "production" : "development",
    // no eval-based source maps in development either: the pages' CSP forbids eval
    devtool: production ? "source-map" : "cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      browser: "./src/browser/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      // the legacy compilation owns legacy/ and commands.html
      clean: { keep: (file) => /^legacy[\\/]/.test(file) || file === "commands.html" },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // sources may import "./x.js" ESM-style while the file on disk is x.ts
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // type checking is `npm run typecheck`'s job; the build only strips types
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    optimization: {
      // shared vendor code (React, Fluent UI) in its own chunks, so later lazy imports (e.g. the .xlsx reader) stay separate
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          react: { test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, name: "vendor-react", priority: 20 },
          fluent: { test: /[\\/]node_modules[\\/]@fluentui[\\/]/, name: "vendor-fluent", priority: 10 },
        },
      },
    },
    performance: { hints: false }, // budgets are checked by scripts/bundle-size.cjs, not by webpack's generic limits
    plugins: [
      // each template writes `csp` into its <meta http-equiv="Content-Security-Policy">, first in <head>
      // taskpane.html: no script injected; src/legacy/boot.ts reads both panes' files from its data attributes and loads one
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        inject: false,
        csp: contentSecurityPolicy(page("taskpane.html")),
        templateParameters: (compilation, assets, assetTags, options) => ({
          compilation,
          webpackConfig: compilation.options,
          htmlWebpackPlugin: { tags: assetTags, files: assets, options },
          boot: legacyFile("boot"),
          modernScripts: assets.js.join(" "),
          legacyScripts: legacyFile("pane"),
        }),
      }),
      // browser mode: no office.js, no CDN; the page only loads its own bundle
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/browser/index.html", chunks: ["browser"], csp: contentSecurityPolicy(page("index.html")) }),
      new CopyWebpackPlugin({
        patterns: [
          // the fonts are the CLI's, for the review record's PDF: the pages print with the system's fonts
          { from: "assets", to: "assets", globOptions: { ignore: ["**/fonts/**"] } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString("utf8").split(DEV_BASE_URL).join(baseUrl),
          },
        ],
      }),
    ],
    devServer: {
      server: "https", // webpack-dev-server's own self-signed certificate
      host: "localhost", // not exposed to the local network
      port: DEV_PORT,
      // the pages that load office.js have the widest policy; the browser mode's stricter <meta> still applies on top
      headers: { "Access-Control-Allow-Origin": "*", "Content-Security-Policy": contentSecurityPolicy({ office: true }) },
      static: false, // everything served comes from the build (assets are copied into it)
      client: { overlay: { warnings: false, errors: true } },
    },
  };

  const onEntries = (files) => Object.assign(legacy, files);
  // the dev server takes its options from the first configuration that has them: the modern one
  return [modern, legacyConfig({ production, onEntries })];
};
module.exports.PAGES = PAGES;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
