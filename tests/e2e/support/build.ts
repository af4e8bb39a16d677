import path from "node:path";
import webpack from "webpack";

// Production build of the app into a temp dir, and the office.js stand-in, with the project's own webpack config.

const ROOT = path.resolve(__dirname, "../../..");

function compile(config: webpack.Configuration | webpack.Configuration[]): Promise<webpack.Stats | webpack.MultiStats> {
  return new Promise((resolve, reject) => {
    webpack(config as webpack.Configuration, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? "no stats"));
      resolve(stats);
    });
  });
}

export async function buildApp(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => webpack.Configuration[];
  // both compilations (legacy ES5 and modern) into the same directory, as npm run build does
  const configs = makeConfig({}, { mode: "production" });
  await compile(configs.map((config) => ({ ...config, context: ROOT, devtool: false, output: { ...config.output, path: outDir } })));
}

export async function buildFakeOffice(outDir: string): Promise<string> {
  await compile({
    mode: "development",
    context: ROOT,
    devtool: false,
    entry: path.join(__dirname, "fake-office-page.ts"),
    output: { path: outDir, filename: "fake-office.js" },
    resolve: { extensions: [".ts", ".tsx", ".js"], extensionAlias: { ".js": [".ts", ".tsx", ".js"] } },
    module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } }] },
  });
  return path.join(outDir, "fake-office.js");
}
