import { parseArgs } from "node:util";
import { defaultCatalog, type Catalog, type Indicator } from "../../core/catalog";
import { describeTargets, levelName, unitName } from "../../core/catalog/describe";
import type { Io } from "../io";
import type { Lang } from "../lang";
import { t } from "../strings";
import { renderTable } from "../text-table";

export function runCatalog(args: string[], lang: Lang, io: Io): number {
  const { values } = parseArgs({ args, options: { json: { type: "boolean" }, lang: { type: "string" } }, strict: true });
  const catalog = defaultCatalog();
  io.out(values.json ? JSON.stringify(catalogJson(catalog), null, 2) + "\n" : catalogTable(catalog, lang));
  return 0;
}

/** The machine-readable catalog: one object per indicator, targets flattened for scripts. */
export function catalogJson(catalog: Catalog) {
  return catalog.indicators.map((ind: Indicator) => ({
    code: ind.code,
    pillar: ind.pillar,
    text: ind.text,
    label: ind.label,
    unit: ind.unit.kind,
    unitSpec: ind.unit,
    levels: ind.levels,
    consolidation: ind.consolidation,
    qualitative: ind.qualitative,
    targets: ind.targets.map((t) => ({
      year: t.year,
      ...(t.period ? { period: t.period } : {}),
      level: t.level,
      value: t.value,
      comparator: t.comparator,
      clause: t.source.clause,
      ...(t.source.bullet !== undefined ? { bullet: t.source.bullet } : {}),
      ...(t.carried ? { carried: true } : {}),
      ...(t.aspirational ? { aspirational: true } : {}),
    })),
    baselines: ind.baselines.map((b) => ({ year: b.year, value: b.value, clause: b.source.clause })),
    exclusions: ind.exclusions,
  }));
}

export function catalogTable(catalog: Catalog, lang: Lang): string {
  const h = {
    code: t(lang, "catalog.code"), name: t(lang, "catalog.name"), unit: t(lang, "catalog.unit"), levels: t(lang, "catalog.levels"),
    targets: t(lang, "catalog.targets"), qual: t(lang, "catalog.qualitative"),
  };
  const sections: string[] = [];
  for (const pillar of [...catalog.pillars].sort((a, b) => a.order - b.order)) {
    const rows = catalog.indicators
      .filter((i) => i.pillar === pillar.id)
      .map((i) => [
        i.code,
        i.label[lang],
        unitName(i.unit, lang),
        i.levels.map((l) => levelName(l, lang)).join(", "),
        i.qualitative ? `(${h.qual})` : describeTargets(i, lang).join("\n"),
      ]);
    const table = renderTable(
      [{ header: h.code, width: 6 }, { header: h.name, width: 44 }, { header: h.unit, width: 14 }, { header: h.levels, width: 13 }, { header: h.targets, width: 40 }],
      rows,
    );
    sections.push(`${roman(pillar.order)}. ${pillar.heading[lang].toUpperCase()}\n${table}`);
  }
  const title = t(lang, "catalog.title", { resolution: catalog.resolution.number, count: catalog.indicators.length });
  return `${title}\n\n${sections.join("\n\n")}\n`;
}

function roman(n: number): string {
  return ["", "I", "II", "III", "IV", "V", "VI"][n] ?? String(n);
}
