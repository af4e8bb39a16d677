import { Button, makeStyles, Text } from "@fluentui/react-components";
import type { UnitRegistry } from "../../core/units";
import type { Choice } from "../choice";
import { ContextFields } from "../components/ContextFields";
import { useLang } from "../i18n";

// After "no indicators" / "unknown level or year": the user says which level and year, and checks again.

const useStyles = makeStyles({ root: { display: "flex", flexDirection: "column", gap: "8px" } });

export function ContextRetry(props: { registry: UnitRegistry; choice: Choice; onChoice: (c: Choice) => void; onRetry: () => void; busy: boolean }) {
  const styles = useStyles();
  const { t } = useLang();
  return (
    <section className={styles.root} aria-label={t("check.pickContext")} data-testid="context-retry">
      <Text as="p" block>
        {t("check.pickContext")}
      </Text>
      <ContextFields registry={props.registry} value={props.choice} onChange={props.onChoice} showUnit={false} />
      <div>
        <Button appearance="primary" disabled={props.busy} onClick={props.onRetry}>
          {t("check.retry")}
        </Button>
      </div>
    </section>
  );
}
