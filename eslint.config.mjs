// Flat config: ESLint's and typescript-eslint's recommended rules, the Office.js rules that catch reads before
// load/sync and syncs inside loops (the mistakes that make an add-in wrong or slow in Excel), and the layers of src/
// (ARCHITECTURE.md): which folder may import which.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import { builtinModules } from "node:module";

// The Node globals our CommonJS scripts use; listed here rather than pulling in another package.
const nodeGlobals = Object.fromEntries(
  ["require", "module", "exports", "__dirname", "__filename", "process", "Buffer", "console", "URL",
    "setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "TextDecoder", "TextEncoder"]
    .map((name) => [name, name === "module" || name === "exports" ? "writable" : "readonly"]),
);

// Imports are matched as written, so a folder of src/ is named by the relative path that climbs to it from inside src/
// ("../../hosts/office"). Each rule's message says which boundary was crossed.
const climbsTo = (folders) => `^(\\.\\./)+(${folders})(/|$)`;
const rule = (regex, message) => ({ regex, message: `${message} See ARCHITECTURE.md.` });
const UI_PACKAGES = "^(react|react-dom|@fluentui/[^/]+)(/.*)?$";
const NODE_BUILTINS = `^(node:.+|(${builtinModules.filter((m) => !m.startsWith("_")).join("|")})(/.*)?)$`;

const noTests = rule(climbsTo("tests"), "src/ is the product and may not import tests/ (test helpers and the Excel fake live there).");
const core = [
  rule(climbsTo("hosts"), "src/core is pure and may not import a host (src/hosts): hosts call the core, never the reverse."),
  rule(climbsTo("app|taskpane|browser|commands"), "src/core may not import the user interface (src/app, src/taskpane, src/browser, src/commands)."),
  rule(climbsTo("cli"), "src/core may not import the command line (src/cli)."),
  rule(UI_PACKAGES, "src/core may not import React or Fluent UI: it has no user interface."),
  rule(NODE_BUILTINS, "src/core may not import Node built-ins: it runs in Excel, the browser and Node alike, with no file I/O."),
];
const anyHost = [
  rule(climbsTo("app|taskpane|browser|commands|cli"), "A host may not import what uses it (src/app, src/taskpane, src/browser, src/commands, src/cli)."),
  rule(UI_PACKAGES, "A host may not import React or Fluent UI."),
  rule(NODE_BUILTINS, "A host may not import Node built-ins: the Office host runs in Excel, the file host in the browser too."),
];
const sibling = (self, other) => rule(climbsTo(`(hosts/)?${other}`),
  `A host may not import another host: src/hosts/${self} may not use src/hosts/${other}; share through src/hosts/host.ts or src/core.`);
const OFFICE_CODE = "hosts/office|taskpane|commands";

const LAYERS = [
  { files: ["src/**/*.{ts,tsx}"], forbid: [] },
  { files: ["src/core/**"], forbid: core },
  { files: ["src/hosts/host.ts"], forbid: [rule("^\\./(office|xlsx)(/|$)", "src/hosts/host.ts is the interface hosts implement and may not import a host."), ...anyHost] },
  { files: ["src/hosts/office/**"], forbid: [sibling("office", "xlsx"), ...anyHost] },
  { files: ["src/hosts/xlsx/**"], forbid: [sibling("xlsx", "office"), ...anyHost] },
  {
    files: ["src/app/**"],
    forbid: [
      rule(climbsTo("hosts/(office|xlsx)"), "src/app uses a host through src/hosts/host.ts only; the page that starts it picks the host."),
      rule(climbsTo("taskpane|browser|commands|cli"), "src/app is shared by the pages and may not import one of them."),
      rule(NODE_BUILTINS, "src/app runs in the browser and may not import Node built-ins."),
    ],
  },
  {
    files: ["src/taskpane/**", "src/commands/**"],
    forbid: [
      rule(climbsTo("browser|cli"), "The add-in's pages may not import the browser mode (src/browser) or the command line (src/cli)."),
      rule(NODE_BUILTINS, "The add-in runs in Excel and may not import Node built-ins."),
    ],
  },
  {
    // the ES5 pane for IE11/EdgeHTML: the core, the Office host and the app's React-free logic, never React or Fluent UI
    files: ["src/legacy/**"],
    forbid: [
      rule(climbsTo("app/(components|screens|i18n/index|use-user-action|theme)"), "The legacy pane may use only src/app's React-free modules (choice, errors, i18n/translate, report-view…), not its React components, screens or hooks."),
      rule(UI_PACKAGES, "The legacy pane runs in Internet Explorer 11 and may not import React or Fluent UI."),
      rule(climbsTo("browser|cli|hosts/xlsx"), "The legacy pane runs in Excel: it may not import the browser mode, the command line or the .xlsx host."),
      rule(NODE_BUILTINS, "The legacy pane runs in Excel and may not import Node built-ins."),
    ],
  },
  {
    files: ["src/browser/**"],
    forbid: [
      rule(climbsTo(OFFICE_CODE), "The browser mode runs without Office and may not import Office code (src/hosts/office, src/taskpane, src/commands)."),
      rule(climbsTo("cli"), "The browser mode may not import the command line (src/cli)."),
      rule(NODE_BUILTINS, "The browser mode runs in the browser and may not import Node built-ins."),
    ],
  },
  {
    files: ["src/cli/**"],
    forbid: [
      rule(climbsTo(OFFICE_CODE), "The command line works on .xlsx files and may not import Office code (src/hosts/office, src/taskpane, src/commands)."),
      rule(climbsTo("browser"), "The command line may not import the browser mode (src/browser)."),
      rule(UI_PACKAGES, "The command line may not import React or Fluent UI."),
    ],
  },
];

// ESLint replaces a rule's options when a later block matches the same file, so each block carries its layer's whole
// list, src/'s own rule included. no-restricted-imports does not see import() nor the type import("…").T, so
// no-restricted-syntax checks them alike (in an esquery regex literal a "/" must be escaped).
const layerBlocks = LAYERS.map(({ files, forbid }) => {
  const all = [noTests, ...forbid];
  return {
    files,
    rules: {
      "no-restricted-imports": ["error", { patterns: all.map(({ regex, message }) => ({ regex, message })) }],
      "no-restricted-syntax": ["error", ...all.map(({ regex, message }) => ({
        selector: `:matches(ImportExpression, TSImportType)[source.value=/${regex.replaceAll("/", "\\/")}/]`,
        message,
      }))],
    },
  };
});

export default tseslint.config(
  { ignores: ["dist/", "build/", "node_modules/", "coverage/", "test-artifacts/", "schemas/", ".tmp/"] },
  {
    files: ["**/*.{ts,tsx,mts,cts,js,mjs,cjs}"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
  },
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
    },
  },
  {
    // build and tool scripts are CommonJS run by node
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ["**/*.cjs", "webpack.config.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  ...layerBlocks,
);
