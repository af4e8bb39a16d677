import { Field, Input, makeStyles, Select } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { LEVELS, type Level } from "../../core/catalog/schema";
import { findUnits, unitTitle, type ReportingUnit, type UnitRegistry } from "../../core/units";
import { reconcileUnit, unitsFor, yearsOfResolution, type Choice } from "../choice";
import { useLang } from "../i18n";

// Level, year and (optionally) unit: every field labelled, units limited to those that exist in that year and level.

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: "12px" },
  field: { minWidth: "120px", flexGrow: 1 },
});

export interface ContextFieldsProps {
  registry: UnitRegistry;
  value: Choice;
  onChange: (next: Choice) => void;
  showUnit?: boolean;
}

export function ContextFields({ registry, value, onChange, showUnit = true }: ContextFieldsProps) {
  const styles = useStyles();
  const { t } = useLang();
  const units = useMemo(() => sortedUnits(unitsFor(registry, value.year, value.level)), [registry, value.year, value.level]);
  const [query, setQuery] = useState("");
  const change = (patch: Partial<Choice>) => onChange(reconcileUnit(registry, { ...value, ...patch }));
  // the search narrows the list (with or without diacritics, by name or code); the chosen unit always stays in it
  const hits = useMemo(() => (query.trim() ? new Set(findUnits(registry, query).map((u) => u.code)) : null), [registry, query]);
  const shown = hits ? units.filter((u) => hits.has(u.code) || u.code === value.unitCode) : units;
  const search = (q: string) => {
    setQuery(q);
    const found = q.trim() ? findUnits(registry, q).map((u) => u.code) : [];
    const first = units.find((u) => found.includes(u.code));
    if (first && !found.includes(value.unitCode ?? "")) change({ unitCode: first.code });
  };
  const levelName = t(`level.${value.level}`).toLowerCase();
  return (
    <div className={styles.row}>
      <Field label={t("level.label")} className={styles.field}>
        <Select value={value.level} onChange={(_, d) => change({ level: d.value as Level })}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`level.${l}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("year.label")} className={styles.field}>
        <Select value={String(value.year)} onChange={(_, d) => change({ year: Number(d.value) })}>
          {yearsOfResolution().map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      {showUnit && (
        <Field
          label={t("unit.label")}
          className={styles.field}
          validationState={units.length === 0 ? "warning" : "none"}
          validationMessage={units.length === 0 ? t("unit.none", { year: String(value.year), level: levelName }) : undefined}
        >
          <Select value={value.unitCode} disabled={units.length === 0} onChange={(_, d) => change({ unitCode: d.value })}>
            {shown.map((u) => (
              <option key={u.code} value={u.code}>
                {unitTitle(u)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {showUnit && units.length > SEARCH_FROM && (
        <Field label={t("unit.search")} className={styles.field}>
          <Input type="search" value={query} onChange={(_, d) => search(d.value)} placeholder={t("unit.searchHint")} />
        </Field>
      )}
    </div>
  );
}

/** Long lists get a search field; a handful of units is quicker to pick by eye. */
const SEARCH_FROM = 8;

const collator = new Intl.Collator("vi", { sensitivity: "base" });

/** Units in Vietnamese alphabetical order of their names (Đ after D, Ư after U), as officials look them up. */
export function sortedUnits(units: readonly ReportingUnit[]): ReportingUnit[] {
  return [...units].sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.kind, b.kind));
}
