// Builds the task pane, the ribbon commands and the browser mode, and copies the manifest with its base URL set.
// ADDIN_BASE_URL (https, ending in "/") is where dist/ will be hosted; it replaces https://localhost:3000/ in manifest.xml.
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

const PAGES = [
  { filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunk: "taskpane", office: true },
  { filename: "commands.html", template: "./src/commands/commands.html", chunk: "commands", office: true },
  // browser mode: no office.js, no CDN; the page only loads its own bundle
  { filename: "index.html", template: "./src/browser/index.html", chunk: "browser", office: false },
];

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

module.exports = (env, argv) => {
  const production = (argv && argv.mode) !== "development";
  const baseUrl = resolveBaseUrl(production);

  return {
    mode: production ? "production" : "development",
    // no eval-based source maps in development either: the pages' CSP forbids eval
    devtool: production ? "source-map" : "cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      browser: "./src/browser/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
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
      ...PAGES.map((p) => new HtmlWebpackPlugin({ filename: p.filename, template: p.template, chunks: [p.chunk], csp: contentSecurityPolicy(p) })),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
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
};
module.exports.PAGES = PAGES;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
