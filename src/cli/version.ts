import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

// The version printed by `chitieu --version`: the one in the project's package.json, found by walking up from this
// file, so it is the same whether the CLI runs from src/ or from a compiled copy.

export function cliVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "chitieu-cds" && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) throw new Error(`package.json of chitieu-cds not found above ${from}`);
  }
}
