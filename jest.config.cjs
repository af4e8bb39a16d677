// Two environments: node for the engine, hosts and CLI; jsdom for the task pane components.
const tsJest = ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node10", jsx: "react-jsx", isolatedModules: true, verbatimModuleSyntax: false, ignoreDeprecations: "6.0" }, diagnostics: false }];
const common = {
  transform: { "^.+\\.tsx?$": tsJest },
  moduleFileExtensions: ["ts", "tsx", "js", "cjs", "json"],
};
module.exports = {
  projects: [
    { ...common, displayName: "node", testEnvironment: "node", testMatch: ["<rootDir>/tests/**/*.test.ts"], testPathIgnorePatterns: ["/tests/taskpane/", "/tests/e2e/"] },
    { ...common, displayName: "dom", testEnvironment: "jsdom", setupFilesAfterEnv: ["<rootDir>/tests/taskpane/support/slow-machine.ts"], testMatch: ["<rootDir>/tests/taskpane/**/*.test.tsx", "<rootDir>/tests/taskpane/**/*.test.ts"] },
    { ...common, displayName: "e2e", testEnvironment: "node", testMatch: ["<rootDir>/tests/e2e/**/*.test.ts"] },
  ],
};
