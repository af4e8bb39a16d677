// Runs ESLint's Node API with the project's own eslint.config.mjs, in a plain Node process: jest's module sandbox
// cannot load an ES module config. Reads [{ filePath, code }] (filePath relative to the repository) as JSON on stdin,
// or lints the given paths when there are arguments; prints [{ filePath, messages: [{ ruleId, message, line }] }].
import { ESLint } from "eslint";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const eslint = new ESLint({ cwd: root });

async function readStdin() {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return JSON.parse(text);
}

const args = process.argv.slice(2);
const results = args.length > 0
  ? await eslint.lintFiles(args)
  : (await Promise.all((await readStdin()).map(({ filePath, code }) =>
    eslint.lintText(code, { filePath: path.join(root, filePath) })))).flat();

process.stdout.write(JSON.stringify(results.map((r) => ({
  filePath: path.relative(root, r.filePath),
  messages: r.messages.map(({ ruleId, message, line }) => ({ ruleId, message, line })),
}))));
