import { parseArgs } from "node:util";
import { createFileHost } from "../../hosts/xlsx/file-host";
import { hasHighlights } from "../../hosts/xlsx/mark";
import { ChitieuError } from "../../core/errors";
import { readInput, refuseOutputKind, refuseWrongExtension, writeOutput } from "../files";
import type { Io } from "../io";
import type { Lang } from "../lang";
import { t } from "../strings";

export async function runClear(args: string[], lang: Lang, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: "string" }, force: { type: "boolean" }, lang: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new ChitieuError("error.usage.clear");
  if (!values.out) throw new ChitieuError("error.usage.clear-missing");
  refuseOutputKind(values.out);
  const bytes = readInput(file);
  refuseWrongExtension(values.out, file, bytes);
  const had = hasHighlights(bytes);
  const host = createFileHost(bytes);
  await host.clearHighlights();
  writeOutput(values.out, host.bytes(), [file], values.force ?? false);
  io.out(t(lang, had ? "clear.done" : "clear.none", { file: values.out }) + "\n");
  return 0;
}
