import { makeStyles, Select } from "@fluentui/react-components";
import type { Period } from "../../core/consolidate";
import { useLang } from "../i18n";

// The consolidation period: a year, or the first half of 2025 (the districts' last period before the communes).

const useStyles = makeStyles({ row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" } });

const YEARS = [2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030];

function periodValue(p: Period): string {
  return p.half ? `${p.year}-${p.half}` : String(p.year);
}

export function PeriodSelect({ value, onChange, disabled }: { value: Period; onChange: (p: Period) => void; disabled: boolean }) {
  const styles = useStyles();
  const { t } = useLang();
  return (
    <div className={styles.row}>
      <label htmlFor="period-select">{t("consolidate.period")}</label>
      <Select
        id="period-select"
        value={periodValue(value)}
        disabled={disabled}
        onChange={(_, d) => onChange(d.value.endsWith("-H1") ? { year: Number(d.value.slice(0, 4)), half: "H1" } : { year: Number(d.value), half: null })}
      >
        {YEARS.flatMap((y) => [
          ...(y === 2025 ? [<option key={`${y}-H1`} value={`${y}-H1`}>{t("consolidate.period.h1", { year: String(y) })}</option>] : []),
          <option key={y} value={String(y)}>
            {t("consolidate.period.year", { year: String(y) })}
          </option>,
        ])}
      </Select>
    </div>
  );
}
