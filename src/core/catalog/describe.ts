import { formatMessage, msg, type Lang } from "../messages";
import type { Comparator, Indicator, Level, Target, TargetLevel, UnitSpec } from "./schema";

// Human-readable wording of catalog facts, shared by the CLI, the template and the task pane.

export function levelName(level: TargetLevel, lang: Lang): string {
  return formatMessage(msg(`label.level.${level}`), lang);
}

export function comparatorSymbol(c: Comparator): string {
  return c === ">=" ? "≥" : c === ">" ? ">" : "≤";
}

export function unitName(unit: UnitSpec, lang: Lang): string {
  switch (unit.kind) {
    case "ratio":
      return formatMessage(msg("label.unit.ratio"), lang);
    case "percent":
      return "%";
    case "growth":
      return formatMessage(msg("label.unit.growth"), lang);
    case "count":
      return unit.of[lang];
    case "rank":
      return formatMessage(msg("label.unit.rank", { field: unit.fieldSize }), lang);
    case "yesno":
      return formatMessage(msg("label.unit.yesno"), lang);
  }
}

/** "≥ 80%", "> 50%", "≤ 45/63", "≥ 1 sàn". */
export function formatTargetValue(ind: Indicator, t: Pick<Target, "value" | "comparator">, lang: Lang): string {
  const n = lang === "vi" ? String(t.value).replace(".", ",") : String(t.value);
  const sym = comparatorSymbol(t.comparator);
  switch (ind.unit.kind) {
    case "rank":
      return `${sym} ${n}/${ind.unit.fieldSize}`;
    case "count":
      return `${sym} ${n} ${ind.unit.of[lang]}`;
    default:
      return `${sym} ${n}%`;
  }
}

/** "2025: tỉnh ≥ 90% · huyện ≥ 80%"; annual targets as "hằng năm 2021–2025: ≥ 7%". */
export function describeTargets(ind: Indicator, lang: Lang, levels?: Level[]): string[] {
  const groups = new Map<string, Target[]>();
  for (const t of ind.targets) {
    if (levels && t.level !== "all" && !levels.includes(t.level)) continue;
    const key = t.year === "annual" ? `annual:${t.period?.from}-${t.period?.to}` : String(t.year);
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.entries()].map(([key, ts]) => {
    const first = ts[0]!;
    const when = first.year === "annual" ? formatMessage(msg("label.target.annual", { from: String(first.period?.from), to: String(first.period?.to) }), lang) : key;
    const parts = ts.map((t) => {
      const scope = t.level === "all" ? "" : `${levelName(t.level, lang)} `;
      const carried = t.carried ? formatMessage(msg("label.target.carried"), lang) : "";
      return `${scope}${formatTargetValue(ind, t, lang)}${carried}`;
    });
    return `${when}: ${parts.join(" · ")}`;
  });
}

export function describeSource(t: Target, lang: Lang): string {
  const bullet = t.source.bullet === undefined ? "" : formatMessage(msg("label.source.bullet", { bullet: String(t.source.bullet) }), lang);
  return `${t.source.clause}${bullet}`;
}
