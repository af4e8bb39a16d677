// Flat config: ESLint's and typescript-eslint's recommended rules, plus the Office.js rules that catch reads before
// load/sync and syncs inside loops (the mistakes that make an add-in wrong or slow in Excel).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

// The Node globals our CommonJS scripts use; listed here rather than pulling in another package.
const nodeGlobals = Object.fromEntries(
  ["require", "module", "exports", "__dirname", "__filename", "process", "Buffer", "console", "URL",
    "setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "TextDecoder", "TextEncoder"]
    .map((name) => [name, name === "module" || name === "exports" ? "writable" : "readonly"]),
);

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "test-artifacts/", "schemas/", ".tmp/"] },
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
);
