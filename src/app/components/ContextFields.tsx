import { Field, makeStyles, Select } from "@fluentui/react-components";
import { useMemo } from "react";
import { LEVELS, type Level } from "../../core/catalog/schema";
import { unitTitle, type UnitRegistry } from "../../core/units";
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
  const units = useMemo(() => unitsFor(registry, value.year, value.level), [registry, value.year, value.level]);
  const change = (patch: Partial<Choice>) => onChange(reconcileUnit(registry, { ...value, ...patch }));
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
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {unitTitle(u)}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </div>
  );
}
