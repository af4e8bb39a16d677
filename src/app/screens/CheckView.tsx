import { Button, Divider, makeStyles, Subtitle1, Text } from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import type { Catalog } from "../../core/catalog";
import type { CheckReport, LocatedFinding } from "../../core/check";
import type { ReviewRecord } from "../../core/review";
import { findUnits, unitTitle, type UnitRegistry } from "../../core/units";
import { ConflictNotice } from "../components/ConflictNotice";
import { FindingsList } from "../components/FindingsList";
import { GapChart } from "../components/GapChart";
import { RecordView } from "../components/RecordView";
import { SummaryPanel } from "../components/SummaryPanel";
import { ReviewPanel } from "../components/ReviewPanel";
import type { ReviewActions } from "../review-actions";
import { useLang } from "../i18n";
import { useFocusHeading } from "../use-focus-heading";

// The result of one check: what was checked, the summary, the gap chart and the findings, with the actions around them.

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "16px" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
});

export interface CheckViewProps {
  report: CheckReport;
  catalog: Catalog;
  registry: UnitRegistry;
  busy: boolean;
  onRecheck?: () => void;
  onClear?: () => void;
  onSelect?: (f: LocatedFinding) => void;
  /** More actions next to re-check (the browser's download button). */
  actions?: ReactNode;
  /** A reviewer's decisions on the findings and the report (kept in the workbook by the page). */
  review?: ReviewActions;
  /** The review record's downloads (the browser mode's CSV and XLSX). */
  recordDownloads?: (record: ReviewRecord) => ReactNode;
}

export function CheckView({ report, catalog, registry, busy, onRecheck, onClear, onSelect, actions, review, recordDownloads }: CheckViewProps) {
  const styles = useStyles();
  const { t } = useLang();
  const [recordOpen, setRecordOpen] = useState(false);
  const { context } = report;
  useFocusHeading("check-heading", report);
  const unit = context.unitCode ? findUnits(registry, context.unitCode)[0] : undefined;
  const level = t(`level.${context.level}`).toLowerCase();
  const contextLine = unit
    ? t("check.context", { unit: unitTitle(unit), level, year: String(context.year) })
    : t("check.contextNoUnit", { level: t(`level.${context.level}`), year: String(context.year) });
  return (
    <section className={styles.root} aria-labelledby="check-heading">
      <div>
        <Subtitle1 as="h2" id="check-heading" block tabIndex={-1}>
          {t("check.heading")}
        </Subtitle1>
        <Text as="p" block data-testid="check-context">
          {contextLine}
        </Text>
      </div>
      <ConflictNotice report={report} registry={registry} />
      <div className={styles.actions}>
        {onRecheck && (
          <Button appearance="primary" disabled={busy} onClick={onRecheck}>
            {t("check.recheck")}
          </Button>
        )}
        {onClear && (
          <Button disabled={busy} onClick={onClear}>
            {t("check.clear")}
          </Button>
        )}
        {actions}
        <Button disabled={busy} onClick={() => setRecordOpen(true)}>
          {t("record.open")}
        </Button>
      </div>
      {recordOpen && (
        <RecordView
          report={report}
          catalog={catalog}
          registry={registry}
          onClose={() => setRecordOpen(false)}
          {...(recordDownloads ? { downloads: recordDownloads } : {})}
        />
      )}
      <SummaryPanel report={report} catalog={catalog} />
      <ReviewPanel report={report} busy={busy} {...(review ? { actions: review } : {})} />
      <GapChart report={report} catalog={catalog} />
      <Divider />
      <FindingsList findings={report.findings} catalog={catalog} onSelect={onSelect} busy={busy} {...(review ? { review } : {})} />
    </section>
  );
}
