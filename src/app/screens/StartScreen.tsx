import { Button, makeStyles, Subtitle2, Text } from "@fluentui/react-components";
import type { UnitRegistry } from "../../core/units";
import type { Choice } from "../choice";
import { ContextFields } from "../components/ContextFields";
import { useLang } from "../i18n";

// Choosing level, year and unit, then inserting the template (Excel) or downloading it blank (browser).

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
});

export interface StartScreenProps {
  mode: "excel" | "browser";
  registry: UnitRegistry;
  choice: Choice;
  onChoice: (c: Choice) => void;
  busy: boolean;
  /** Excel: insert the template. */
  onInsert?: () => void;
  /** Excel: check the open workbook as it is. */
  onCheck?: () => void;
  /** Browser: download the blank template. */
  onDownload?: () => void;
  /** Excel: consolidate the units' workbooks into this one. */
  onConsolidate?: () => void;
}

export function StartScreen({ mode, registry, choice, onChoice, busy, onInsert, onCheck, onDownload, onConsolidate }: StartScreenProps) {
  const styles = useStyles();
  const { t } = useLang();
  const noUnit = choice.unitCode === "";
  return (
    <section className={styles.root} aria-labelledby="start-heading">
      <Subtitle2 as="h2" id="start-heading" block>
        {t("start.heading")}
      </Subtitle2>
      <Text as="p" block>
        {t(mode === "excel" ? "start.intro" : "start.browserIntro")}
      </Text>
      <ContextFields registry={registry} value={choice} onChange={onChoice} />
      <div className={styles.actions}>
        {mode === "excel" ? (
          <>
            <Button appearance="primary" disabled={busy || noUnit} onClick={onInsert}>
              {t("start.insert")}
            </Button>
            <Button disabled={busy} onClick={onCheck}>
              {t("start.check")}
            </Button>
            {onConsolidate && (
              <Button disabled={busy} onClick={onConsolidate}>
                {t("start.consolidate")}
              </Button>
            )}
          </>
        ) : (
          <Button appearance="primary" disabled={busy || noUnit} onClick={onDownload}>
            {t("start.download")}
          </Button>
        )}
      </div>
    </section>
  );
}
