import { basename, extname } from "node:path";
import { parseArgs } from "node:util";
import { defaultCatalog } from "../../core/catalog";
import { checkWorkbook } from "../../core/check";
import { ChitieuError } from "../../core/errors";
import { localDate, recordCsv, recordOfCheck, recordText } from "../../core/review";
import { createFileHost } from "../../hosts/xlsx/file-host";
import { writeRecordXlsx } from "../../hosts/xlsx/review/write-record";
import { checkOutput, readInput, registryFrom, writeOutput } from "../files";
import type { Io } from "../io";
import type { Lang } from "../lang";
import { parseLevel, parseYear, resolveUnit } from "../options";
import { t } from "../strings";

// `chitieu review`: the review record of one workbook, as the file kind --out names (.pdf, .csv or .xlsx).

const KINDS = [".pdf", ".csv", ".xlsx"] as const;
type Kind = (typeof KINDS)[number];

/** The record's kind from --out's extension, refused before any work when it is none of ours. */
function kindOf(out: string): Kind {
  const ext = extname(out).toLowerCase();
  if ((KINDS as readonly string[]).includes(ext)) return ext as Kind;
  const stem = ext ? basename(out).slice(0, -ext.length) : basename(out);
  throw new ChitieuError("error.review-out-extension", { ext: ext || basename(out), suggestion: `${stem}.pdf` });
}

export async function runReview(args: string[], lang: Lang, io: Io, now: Date = new Date()): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      out: { type: "string" }, reviewer: { type: "string" }, force: { type: "boolean" }, lang: { type: "string" },
      year: { type: "string" }, level: { type: "string" }, unit: { type: "string" }, units: { type: "string" },
    },
    allowPositionals: true,
    strict: true,
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new ChitieuError("error.usage.review");
  if (!values.out) throw new ChitieuError("error.usage.review-out");
  const kind = kindOf(values.out);
  const force = values.force ?? false;
  checkOutput(values.out, [file], force);
  const registry = registryFrom(values.units);
  const year = parseYear(values.year);
  const level = parseLevel(values.level);
  const unitCode = values.unit && year !== undefined ? resolveUnit(registry, values.unit, year, level).code : values.unit;

  const catalog = defaultCatalog();
  const host = createFileHost(readInput(file), { notesLang: lang });
  const snapshot = await host.readSnapshot();
  const report = checkWorkbook(snapshot, {
    catalog, ...(year !== undefined ? { year } : {}), ...(level ? { level } : {}), ...(unitCode ? { unitCode } : {}), guessContext: true,
  });
  const record = recordOfCheck(report, { catalog, registry, reviewer: values.reviewer ?? null, date: localDate(now) });
  const text = recordText(record, lang);
  const bytes = kind === ".pdf" ? await (await import("./record-pdf")).writeRecordPdf(text) : kind === ".xlsx" ? writeRecordXlsx(text) : recordCsv(record, lang);
  writeOutput(values.out, bytes, [file], force);
  const c = record.total;
  io.out(`${t(lang, "review.summary", { met: c.met, explained: c.explained, unexplained: c.unexplained, errors: c.errors, missing: c.missing })}\n`);
  io.out(`${t(lang, "review.decisions", { accepted: c.accepted, returned: c.returned, open: c.open })}\n`);
  io.out(`${t(lang, "review.written", { file: values.out, count: c.total })}\n`);
  return 0;
}
