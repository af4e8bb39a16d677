import { Button, Field, Input, makeStyles, Subtitle1, Text } from "@fluentui/react-components";
import { useMemo, useState, type ReactNode } from "react";
import type { Catalog } from "../../core/catalog";
import type { CheckReport } from "../../core/check";
import { localDate, recordOfCheck, recordText, type ReviewRecord } from "../../core/review";
import type { UnitRegistry } from "../../core/units";
import { useLang } from "../i18n";
import { useFocusHeading } from "../use-focus-heading";
import { RecordPage } from "./RecordPage";

// "Biên bản rà soát": the printable record of this check, with the reviewer's name to write on it, printed by the
// browser's own dialog (where "Save as PDF" gives the file to send); the browser mode adds its downloads.

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  // the A4 page scrolls sideways in a narrow pane rather than being squeezed
  sheet: { overflowX: "auto", border: "1px solid #c8c8c8", backgroundColor: "#fff" },
});

export interface RecordViewProps {
  report: CheckReport;
  catalog: Catalog;
  registry: UnitRegistry;
  onClose: () => void;
  /** More ways to take the record away (the browser mode's CSV and XLSX downloads). */
  downloads?: (record: ReviewRecord) => ReactNode;
  /** Opens the print dialog; window.print by default. */
  print?: () => void;
}

export function RecordView({ report, catalog, registry, onClose, downloads, print = () => window.print() }: RecordViewProps) {
  const styles = useStyles();
  const { t, lang } = useLang();
  const [reviewer, setReviewer] = useState(report.review.report?.by ?? "");
  useFocusHeading("record-heading", report);
  const record = useMemo(
    () => recordOfCheck(report, { catalog, registry, reviewer, date: localDate(new Date()) }),
    [report, catalog, registry, reviewer],
  );
  return (
    <section className={styles.root} aria-labelledby="record-heading">
      <Subtitle1 as="h2" id="record-heading" block tabIndex={-1}>
        {t("record.heading")}
      </Subtitle1>
      <Field label={t("record.reviewer")}>
        <Input value={reviewer} onChange={(_, d) => setReviewer(d.value)} autoComplete="name" />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={print}>
          {t("record.print")}
        </Button>
        {downloads?.(record)}
        <Button onClick={onClose}>{t("record.close")}</Button>
      </div>
      <Text as="p" block size={200}>
        {t("record.printHint")}
      </Text>
      <div className={styles.sheet}>
        <RecordPage text={recordText(record, lang)} />
      </div>
    </section>
  );
}
