import { Button, makeStyles, Text } from "@fluentui/react-components";
import type { UnitRegistry } from "../../core/units";
import type { Choice } from "../choice";
import { ContextFields } from "../components/ContextFields";
import { useLang } from "../i18n";
import type { SheetContext } from "../sheet-context";

// After "no indicators" / "unknown level or year": the user says which level and year, and checks again.

const useStyles = makeStyles({ root: { display: "flex", flexDirection: "column", gap: "8px" } });

export function ContextRetry(props: {
  registry: UnitRegistry;
  choice: Choice;
  onChoice: (c: Choice) => void;
  onRetry: () => void;
  busy: boolean;
  /** What the sheet itself says (put into the choice already): shown with the cell it was read from. */
  guess?: SheetContext | null;
}) {
  const styles = useStyles();
  const { t } = useLang();
  return (
    <section className={styles.root} aria-label={t("check.pickContext")} data-testid="context-retry">
      <Text as="p" block>
        {t("check.pickContext")}
      </Text>
      {props.guess?.level && (
        <Text as="p" block data-testid="sheet-level">
          {t("check.sheetLevel", { level: t(`level.${props.guess.level.value}`), cell: props.guess.level.cell, sheet: props.guess.level.sheet, text: props.guess.level.text })}
        </Text>
      )}
      {props.guess?.year && (
        <Text as="p" block data-testid="sheet-year">
          {t("check.sheetYear", { year: props.guess.year.value, cell: props.guess.year.cell, sheet: props.guess.year.sheet, text: props.guess.year.text })}
        </Text>
      )}
      <ContextFields registry={props.registry} value={props.choice} onChange={props.onChoice} showUnit={false} />
      <div>
        <Button appearance="primary" disabled={props.busy} onClick={props.onRetry}>
          {t("check.retry")}
        </Button>
      </div>
    </section>
  );
}
