import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import webpack from "webpack";

// The legacy compilation of the project's own webpack config (production, as shipped), built once into a temp dir.

const ROOT = path.resolve(__dirname, "../../..");

export interface LegacyBuild {
  dir: string;
  /** Entry name → its JavaScript files (paths relative to dir), in load order. */
  entries: Record<string, string[]>;
  /** Every module bundled (webpack's names, e.g. "./node_modules/core-js/modules/es.map.js"). */
  modules: string[];
  /** Each bundled module's code as babel left it (ES5 statements, still with import/export), by webpack's name. */
  sources: Map<string, string>;
  /** The file's text. */
  read(file: string): string;
}

type Configs = webpack.Configuration[];

function flat(list: webpack.StatsModule[] | undefined): webpack.StatsModule[] {
  return (list ?? []).flatMap((m) => [m, ...flat(m.modules)]);
}

export async function buildLegacy(): Promise<LegacyBuild> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => Configs;
  const config = makeConfig({}, { mode: "production" }).find((c) => c.name === "legacy");
  if (!config) throw new Error("webpack.config.js has no legacy compilation");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-legacy-"));
  const stats = await new Promise<webpack.Stats>((resolve, reject) => {
    webpack({ ...config, context: ROOT, devtool: false, output: { ...config.output, path: dir } }, (err, s) => {
      if (err) return reject(err);
      if (!s || s.hasErrors()) return reject(new Error(s?.toString({ all: false, errors: true }) ?? "no stats"));
      resolve(s);
    });
  });
  const json = stats.toJson({ all: false, entrypoints: true, modules: true, nestedModules: true, source: true });
  const modules = flat(json.modules).filter((m) => m.name);
  const sources = new Map<string, string>();
  for (const m of modules) if (typeof m.source === "string" && !m.modules) sources.set(m.name!, m.source);
  const entries: Record<string, string[]> = {};
  for (const [name, ep] of Object.entries(json.entrypoints ?? {})) {
    entries[name] = (ep.assets ?? []).map((a) => a.name).filter((f) => f.endsWith(".js"));
  }
  return { dir, entries, modules: modules.map((m) => m.name!), sources, read: (file) => fs.readFileSync(path.join(dir, file), "utf8") };
}
