import type { Comparator, Indicator, Level, Target, TargetLevel, UnitSpec } from "./schema";

// Human-readable wording of catalog facts, shared by the CLI, the template and the task pane.

type Lang = "vi" | "en";

const LEVEL_NAMES: Record<TargetLevel, Record<Lang, string>> = {
  province: { vi: "tỉnh", en: "province" },
  district: { vi: "huyện", en: "district" },
  commune: { vi: "xã", en: "commune" },
  all: { vi: "mọi cấp", en: "all levels" },
};

export function levelName(level: TargetLevel, lang: Lang): string {
  return LEVEL_NAMES[level][lang];
}

export function comparatorSymbol(c: Comparator): string {
  return c === ">=" ? "≥" : c === ">" ? ">" : "≤";
}

export function unitName(unit: UnitSpec, lang: Lang): string {
  switch (unit.kind) {
    case "ratio":
      return lang === "vi" ? "% (tử số/mẫu số)" : "% (numerator/denominator)";
    case "percent":
      return "%";
    case "growth":
      return lang === "vi" ? "% tăng/năm" : "% growth a year";
    case "count":
      return unit.of[lang];
    case "rank":
      return lang === "vi" ? `thứ hạng /${unit.fieldSize}` : `rank of ${unit.fieldSize}`;
    case "yesno":
      return lang === "vi" ? "Có/Không (tỷ lệ đơn vị)" : "Yes/No (share of units)";
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
    const when = first.year === "annual" ? (lang === "vi" ? `hằng năm ${first.period?.from}–${first.period?.to}` : `yearly ${first.period?.from}–${first.period?.to}`) : key;
    const parts = ts.map((t) => {
      const scope = t.level === "all" ? "" : `${levelName(t.level, lang)} `;
      const carried = t.carried ? (lang === "vi" ? " (duy trì từ 2025)" : " (carried from 2025)") : "";
      return `${scope}${formatTargetValue(ind, t, lang)}${carried}`;
    });
    return `${when}: ${parts.join(" · ")}`;
  });
}

export function describeSource(t: Target, lang: Lang): string {
  const bullet = t.source.bullet === undefined ? "" : lang === "vi" ? `, ý ${t.source.bullet}` : `, bullet ${t.source.bullet}`;
  return `${t.source.clause}${bullet}`;
}
