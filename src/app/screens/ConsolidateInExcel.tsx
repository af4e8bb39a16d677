import { Checkbox, makeStyles, ProgressBar, Subtitle2, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { Catalog } from "../../core/catalog";
import type { ConsolidationReport, Period, Submission } from "../../core/consolidate";
import { formatMessage, type MessageKey } from "../../core/messages";
import { unitTitle, type UnitRegistry } from "../../core/units";
import type { SheetsToWrite, SheetsWritten } from "../../hosts/host";
import { ConsolidationReportView } from "../components/ConsolidationReportView";
import { PeriodSelect } from "../components/PeriodSelect";
import { UnitFilesDrop } from "../components/UnitFilesDrop";
import { consolidateFiles, workbooksOf, type ConsolidationIo, type NamedFile } from "../consolidate-run";
import { useLang } from "../i18n";
import type { UiKey } from "../i18n/vi";
import { useUserAction } from "../use-user-action";
import { ErrorNotice, StatusNotice } from "../components/ErrorNotice";

// The task pane's consolidation: the consolidator picks or drops the units' workbooks, sees each one read (how many of
// how many, and what came of each file), the provincial figures and the scorecard on screen, and gets the consolidated
// sheets in the open workbook, beside their own sheets (which are never touched).

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  files: { margin: 0, paddingLeft: "20px" },
});

export interface ConsolidateInExcelProps {
  catalog: Catalog;
  registry: UnitRegistry;
  io: ConsolidationIo;
  /** The host's writeSheets: the sheets go into the open workbook. */
  write: (book: SheetsToWrite, opts: { replace: boolean }) => Promise<SheetsWritten>;
}

interface FileOutcome {
  key: UiKey;
  params: Record<string, string>;
}

export function ConsolidateInExcel({ catalog, registry, io, write }: ConsolidateInExcelProps) {
  const styles = useStyles();
  const { t, lang } = useLang();
  const m = (key: MessageKey, params: Record<string, string | number> = {}) => formatMessage({ key, params }, lang);
  const [period, setPeriod] = useState<Period>({ year: 2025, half: null });
  const [replace, setReplace] = useState(true);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcomes, setOutcomes] = useState<FileOutcome[]>([]);
  const [report, setReport] = useState<ConsolidationReport | null>(null);
  const [written, setWritten] = useState<SheetsWritten | null>(null);
  const { busy, error, status, setStatus, run } = useUserAction();

  const outcomeOf = (s: Submission): FileOutcome => {
    if (s.kind === "unreadable") return { key: "consolidate.pane.file.unreadable", params: { file: s.file } };
    if (s.kind === "unidentified") return { key: "consolidate.pane.file.unidentified", params: { file: s.file } };
    const u = registry.units.find((x) => x.code === s.identity.unitCode);
    return { key: "consolidate.pane.file.read", params: { file: s.file, unit: u ? unitTitle(u) : s.identity.unitCode } };
  };

  const start = (picked: NamedFile[]) =>
    run(async () => {
      setReport(null);
      setWritten(null);
      setOutcomes([]);
      const files = workbooksOf(picked);
      if (files.length === 0) {
        setStatus({ key: "consolidate.none" });
        return;
      }
      const r = await consolidateFiles(files, { catalog, registry, period }, io.read, (done, total, last) => {
        setProgress({ done, total });
        if (last) setOutcomes((list) => [...list, outcomeOf(last)]);
      });
      setReport(r);
      const result = await write(await io.sheets(r, lang), { replace });
      setWritten(result);
      setStatus({ key: "consolidate.pane.written", params: { count: result.sheets.length, sheets: result.sheets.join(", ") } });
    });

  return (
    <section className={styles.root} aria-labelledby="pane-consolidate-heading">
      <Subtitle2 as="h2" id="pane-consolidate-heading" block>
        {t("consolidate.heading")}
      </Subtitle2>
      <Text as="p" block>
        {t("consolidate.pane.intro")}
      </Text>
      {error && <ErrorNotice error={error} />}
      {status && <StatusNotice text={t(status.key, status.params)} />}
      {written && written.replaced.length > 0 && <Text block>{t("consolidate.pane.replaced", { count: written.replaced.length })}</Text>}
      {written && written.skipped.length > 0 && (
        <Text block data-testid="pane-consolidate-skipped">
          {t("consolidate.pane.skipped", { features: written.skipped.map((s) => t(`consolidate.pane.skipped.${s}` as UiKey)).join("; ") })}
        </Text>
      )}
      <PeriodSelect value={period} onChange={setPeriod} disabled={busy} />
      <Checkbox checked={replace} disabled={busy} onChange={(_, d) => setReplace(d.checked === true)} label={t("consolidate.pane.replace")} />
      <UnitFilesDrop inputId="pane-units-input" testId="pane-consolidate-drop" busy={busy} onFiles={(files) => void start(files)} />
      {progress && (
        <>
          <ProgressBar value={progress.total === 0 ? 1 : progress.done / progress.total} aria-label={t("consolidate.progress", progress)} />
          <Text role="status" data-testid="pane-consolidate-progress">
            {t("consolidate.progress", progress)}
          </Text>
        </>
      )}
      {outcomes.length > 0 && (
        <ul className={styles.files} aria-label={t("consolidate.pane.files")} data-testid="pane-consolidate-files">
          {outcomes.map((o, k) => (
            <li key={k}>{t(o.key, o.params)}</li>
          ))}
        </ul>
      )}
      {report && (
        <>
          <Text weight="semibold" data-testid="pane-consolidate-summary">
            {m("consolidate.book.subtitle", { period: report.period, level: m(`term.level.${report.level}` as MessageKey), received: report.received, expected: report.expected })}
          </Text>
          <ConsolidationReportView report={report} catalog={catalog} />
        </>
      )}
    </section>
  );
}
