// Flat config: typescript-eslint's recommended rules everywhere, plus the Office.js rules that catch reads before
// load/sync and syncs inside loops (the mistakes that make an add-in wrong or slow in Excel).
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "test-artifacts/", "schemas/", ".tmp/"] },
  {
    files: ["**/*.{ts,tsx,mts,cts,js,mjs,cjs}"],
    extends: [...tseslint.configs.recommended],
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
    files: ["**/*.cjs", "webpack.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
