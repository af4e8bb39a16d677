import { basename } from "node:path";
import { parseArgs } from "node:util";
import { defaultCatalog, findIndicator, indicatorsForLevel, type Catalog, type Level } from "../../core/catalog";
import { proposeMapping, toSavedMapping, type MappingEntry, type ProposedMapping, type SavedMapping } from "../../core/mapping";
import { formatMessage, formatNumber } from "../../core/messages";
import { createFileHost } from "../../hosts/xlsx/file-host";
import { ChitieuError } from "../../core/errors";
import { readInput, refuseInputAsOutput, writeOutput } from "../files";
import type { Io } from "../io";
import type { Lang } from "../lang";
import { parseLevel, parseYear, resolveUnit } from "../options";
import { loadUnits } from "../../core/units";
import { t } from "../strings";

// `chitieu map file.xlsx`: the proposed mapping of an office's own layout, with confidences and reasons; --json for
// machines, --out to save it (certain matches, and uncertain ones with --accept-uncertain) for `check --mapping`,
// --into to write a copy of the workbook that keeps it inside (the next check uses it without asking).

export interface JsonMapping {
  file: string;
  year: number;
  level: ProposedMapping["level"];
  yearFrom: ProposedMapping["year"];
  entries: (Omit<MappingEntry, "reasons"> & { reasons: string[] })[];
  notFound: string[] | null;
  /** The certain matches as a mapping file `chitieu check --mapping` reads. */
  mapping: SavedMapping;
}

/** "tử số C6, mẫu số D6 (2025)" */
export function cellsText(e: MappingEntry, lang: Lang): string {
  return e.cells.map((c) => `${t(lang, `map.part.${c.part}`)} ${c.cell} (${c.year})`).join(", ");
}

export function entryLine(e: MappingEntry, catalog: Catalog, lang: Lang): string {
  const label = findIndicator(catalog, e.indicator)?.label[lang] ?? "";
  const where = `${e.sheet}!${e.labelCell ?? ""}`;
  return `  ${e.indicator.padEnd(7)} ${formatNumber(e.confidence, lang).padStart(4)}  ${where.padEnd(18)} "${e.label}"\n` +
    `  ${" ".repeat(14)}→ ${label}\n  ${" ".repeat(14)}  ${cellsText(e, lang)} [${e.reasons.map((r) => formatMessage(r, lang)).join("; ")}]`;
}

export async function runMap(args: string[], lang: Lang, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: "boolean" }, out: { type: "string" }, into: { type: "string" }, year: { type: "string" }, level: { type: "string" }, unit: { type: "string" },
      "accept-uncertain": { type: "boolean" }, force: { type: "boolean" }, lang: { type: "string" },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new ChitieuError("error.usage.map");
  const file = positionals[0]!;
  for (const out of [values.out, values.into]) if (out) refuseInputAsOutput(out, positionals);
  const catalog = defaultCatalog();
  const year = parseYear(values.year);
  const host = createFileHost(readInput(file));
  const snapshot = await host.readSnapshot();
  const proposed = proposeMapping(snapshot, { catalog, ...(year !== undefined ? { year } : {}) });
  const reportYear = year ?? proposed.year?.value ?? proposed.columnYears[proposed.columnYears.length - 1] ?? null;
  const level: Level | undefined = parseLevel(values.level) ?? proposed.level?.value;
  const found = new Set(proposed.entries.map((e) => e.indicator));
  const notFound = level ? indicatorsForLevel(catalog, level).filter((i) => !found.has(i.code)).map((i) => i.code) : null;
  const kept = proposed.entries.filter((e) => e.status === "certain" || (values["accept-uncertain"] && e.status === "confirm"));
  // the unit whose layout this is: recorded so consolidation recognises the workbook (checked against the registry)
  // (with no report year known, any year the unit existed in will do)
  const registry = values.unit !== undefined ? loadUnits() : null;
  const unit =
    values.unit === undefined || registry === null
      ? undefined
      : reportYear !== null
        ? resolveUnit(registry, values.unit, reportYear, level).code
        : (registry.units.find((u) => u.code === values.unit && (level === undefined || u.level === level))?.code ?? resolveUnit(registry, values.unit, new Date().getFullYear(), level).code);
  const saved = toSavedMapping(kept, catalog.id, { ...(level ? { level } : {}), ...(reportYear !== null ? { year: reportYear } : {}), ...(unit ? { unit } : {}) });

  if (values.json) {
    const body: JsonMapping = {
      file,
      year: reportYear ?? 0,
      level: proposed.level,
      yearFrom: proposed.year,
      entries: proposed.entries.map((e) => ({ ...e, reasons: e.reasons.map((r) => formatMessage(r, lang)) })),
      notFound,
      mapping: saved,
    };
    io.out(JSON.stringify(body, null, 2) + "\n");
  } else {
    io.out(t(lang, "map.header", { file: basename(file), year: reportYear ?? "?" }) + "\n");
    if (proposed.level) io.out(t(lang, "map.level", { level: t(lang, `level.${proposed.level.value}`), cell: `${proposed.level.sheet}!${proposed.level.cell}`, text: proposed.level.text }) + "\n");
    if (proposed.year) io.out(t(lang, "map.year", { year: proposed.year.value, cell: `${proposed.year.sheet}!${proposed.year.cell}`, text: proposed.year.text }) + "\n");
    if (proposed.entries.length === 0) io.out(t(lang, "map.none") + "\n");
    for (const status of ["certain", "confirm"] as const) {
      const list = proposed.entries.filter((e) => e.status === status);
      if (list.length === 0) continue;
      io.out(`\n${t(lang, `map.group.${status}`, { count: list.length })}\n${list.map((e) => entryLine(e, catalog, lang)).join("\n")}\n`);
    }
    if (notFound && notFound.length > 0) io.out(`\n${t(lang, "map.notFound", { level: t(lang, `level.${level!}`), codes: notFound.join(", ") })}\n`);
  }
  if (values.out) {
    writeOutput(values.out, JSON.stringify(saved, null, 2) + "\n", positionals, values.force ?? false);
    (values.json ? io.err : io.out)(t(lang, "map.written", { file: values.out, count: saved.entries.length }) + "\n");
  }
  if (values.into) {
    await host.saveMapping(saved);
    writeOutput(values.into, host.bytes(), positionals, values.force ?? false);
    (values.json ? io.err : io.out)(t(lang, "map.kept", { file: values.into, count: saved.entries.length }) + "\n");
  }
  return proposed.entries.length === 0 ? 2 : 0;
}
