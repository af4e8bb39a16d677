import { Button, makeStyles, ProgressBar, Subtitle1, Text } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Catalog } from "../core/catalog";
import type { ConsolidationReport, Period } from "../core/consolidate";
import { formatReason } from "../core/consolidate/reason";
import { formatMessage, type MessageKey } from "../core/messages";
import type { UnitRegistry } from "../core/units";
import { ErrorNotice, StatusNotice } from "../app/components/ErrorNotice";
import { useLang } from "../app/i18n";
import { useUserAction } from "../app/use-user-action";
import { ConsolidationReportView } from "../app/components/ConsolidationReportView";
import { PeriodSelect } from "../app/components/PeriodSelect";
import { consolidateFiles, workbooksOf, type HistoryReader, type NamedFile, type SubmissionReader } from "../app/consolidate-run";
import { downloadBytes } from "./download";
import { useDropZoneStyles } from "../app/components/drop-zone-styles";
import { UnitFilesDrop } from "../app/components/UnitFilesDrop";

// Browser mode, consolidation: drop the units' workbooks (or a folder), see the progress, the scorecard and who is
// missing, and download the consolidated workbook. Nothing leaves the page.

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
});


/** The file host's reader, loaded with the first consolidation (its own chunk). */
function readerFor(catalog: Catalog, registry: UnitRegistry): SubmissionReader {
  return async (name, bytes) => {
    const { submissionFromBytes } = await import(/* webpackChunkName: "consolidate" */ "../hosts/xlsx/consolidate-file");
    return submissionFromBytes(name, bytes, catalog, registry);
  };
}

/** Earlier years' files (units' reports or our consolidated workbooks), read by the same host. */
function historyReaderFor(catalog: Catalog, registry: UnitRegistry): HistoryReader {
  return async (name, bytes) => {
    const { historyItemFromBytes } = await import(/* webpackChunkName: "consolidate" */ "../hosts/xlsx/consolidate-history-file");
    return historyItemFromBytes(name, bytes, catalog, registry);
  };
}

export interface ConsolidateViewProps {
  catalog: Catalog;
  registry: UnitRegistry;
}

export function ConsolidateView({ catalog, registry }: ConsolidateViewProps) {
  const styles = { ...useDropZoneStyles(), ...useStyles() };
  const { t, lang } = useLang();
  const m = (key: MessageKey, params: Record<string, string | number> = {}) => formatMessage({ key, params }, lang);
  const historyRef = useRef<HTMLInputElement>(null);
  const [history, setHistory] = useState<NamedFile[] | null>(null);
  const [period, setPeriod] = useState<Period>({ year: 2025, half: null });
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<ConsolidationReport | null>(null);
  const { busy, error, status, setStatus, run } = useUserAction();

  const start = (picked: NamedFile[]) =>
    run(async () => {
      setReport(null);
      const files = workbooksOf(picked);
      if (files.length === 0) {
        setStatus({ key: "consolidate.none" });
        return;
      }
      const earlier = history ? { history: { files: history, read: historyReaderFor(catalog, registry) } } : {};
      const r = await consolidateFiles(files, { catalog, registry, period, ...earlier }, readerFor(catalog, registry), (done, total) => setProgress({ done, total }));
      setReport(r);
    });

  const download = () =>
    run(async () => {
      if (!report) return;
      const { writeConsolidatedXlsx } = await import(/* webpackChunkName: "consolidate" */ "../hosts/xlsx/consolidated");
      const name = `tong-hop-${report.period}.xlsx`;
      downloadBytes(name, writeConsolidatedXlsx(report, { catalog, lang }));
      setStatus({ key: "browser.downloaded", params: { file: name } });
    });

  return (
    <section aria-labelledby="consolidate-heading">
      <Subtitle1 as="h2" id="consolidate-heading" block>
        {t("consolidate.heading")}
      </Subtitle1>
      <Text as="p" block>
        {t("consolidate.intro")}
      </Text>
      {error && <ErrorNotice error={error} />}
      {status && <StatusNotice text={t(status.key, status.params)} />}
      <PeriodSelect value={period} onChange={setPeriod} disabled={busy} />
      <div className={styles.row}>
        <label htmlFor="history-input" className={styles.hidden}>
          {t("consolidate.history.pick")}
        </label>
        <input
          id="history-input"
          ref={historyRef}
          type="file"
          multiple
          className={styles.hidden}
          tabIndex={-1}
          onChange={(e) => {
            const picked = workbooksOf([...(e.target.files ?? [])].map((f) => ({ name: f.webkitRelativePath || f.name, blob: f })));
            setHistory(picked.length ? picked : null);
          }}
          {...({ webkitdirectory: "" } as Record<string, string>)}
        />
        <Button disabled={busy} onClick={() => historyRef.current?.click()}>
          {t("consolidate.history.pick")}
        </Button>
        {history && (
          <>
            <Text data-testid="consolidate-history-chosen">{t("consolidate.history.chosen", { count: history.length })}</Text>
            <Button appearance="subtle" disabled={busy} onClick={() => setHistory(null)}>
              {t("consolidate.history.clear")}
            </Button>
          </>
        )}
      </div>
      <Text as="p" size={200} block>
        {t("consolidate.history.hint")}
      </Text>
      <UnitFilesDrop inputId="units-input" testId="consolidate-drop" busy={busy} folder onFiles={(files) => void start(files)} />
      {progress && (
        <ProgressBar
          value={progress.total === 0 ? 1 : progress.done / progress.total}
          aria-label={t("consolidate.progress", { done: progress.done, total: progress.total })}
          data-testid="consolidate-progress"
        />
      )}
      {progress && <Text data-testid="consolidate-progress-text">{t("consolidate.progress", { done: progress.done, total: progress.total })}</Text>}
      {report && (
        <>
          <div className={styles.row}>
            <Text weight="semibold" data-testid="consolidate-summary">
              {m("consolidate.book.subtitle", { period: report.period, level: m(`term.level.${report.level}` as MessageKey), received: report.received, expected: report.expected })}
            </Text>
            <Button appearance="primary" disabled={busy} onClick={() => void download()}>
              {t("consolidate.download")}
            </Button>
          </div>
          {report.history && (
            <Text as="p" block data-testid="consolidate-history-years">
              {report.history.years.length ? t("consolidate.history.years", { years: report.history.years.map((y) => y.year).join(", ") }) : t("consolidate.history.none")}
            </Text>
          )}
          {report.history && report.history.unused.length > 0 && (
            <ul data-testid="consolidate-history-unused">
              {report.history.unused.map((u) => (
                <li key={u.file}>{m("consolidate.book.trend.unused", { file: u.file, reason: formatReason(u.reason, lang) })}</li>
              ))}
            </ul>
          )}
          <ConsolidationReportView report={report} catalog={catalog} />
        </>
      )}
    </section>
  );
}
