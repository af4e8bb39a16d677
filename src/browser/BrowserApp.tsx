import { Button, Link, makeStyles, Spinner, Subtitle1, Text, ToggleButton } from "@fluentui/react-components";
import { useRef, useState, type DragEvent } from "react";
import type { Catalog } from "../core/catalog";
import { ChitieuError } from "../core/errors";
import { checkWorkbook, type CheckReport } from "../core/check";
import type { UnitRegistry } from "../core/units";
import { recordCsv, recordText, type ReviewRecord } from "../core/review";
import { localChoiceStore, saveChoice, type Choice } from "../app/choice";
import { ConflictNotice } from "../app/components/ConflictNotice";
import { ErrorNotice, StatusNotice } from "../app/components/ErrorNotice";
import { errorText, toUserError } from "../app/errors";
import { MappingReview, needsMappingReview } from "../app/components/MappingReview";
import type { SavedMapping } from "../core/mapping";
import { useLang } from "../app/i18n";
import { CheckView } from "../app/screens/CheckView";
import { ContextRetry } from "../app/screens/ContextRetry";
import { useSheetContext } from "../app/sheet-context";
import { StartScreen } from "../app/screens/StartScreen";
import { layoutFor, templateFileName } from "../app/template-request";
import { useFocusHeading } from "../app/use-focus-heading";
import { useUserAction } from "../app/use-user-action";
import type { FileHost } from "../hosts/xlsx/file-host";
import { ConsolidateView } from "./ConsolidateView";
import { clearedFileName, CSV_MIME, downloadBytes, markedFileName, readFileBytes, recordFileName, reviewedFileName } from "./download";
import type { ReviewStore } from "../core/review";
import { reviewActionsFor, type ReviewActions } from "../app/review-actions";
import { useReviewerName } from "../app/reviewer";
import { useDropZoneStyles } from "../app/components/drop-zone-styles";
import { HistoryPicker } from "../app/components/HistoryPicker";
import type { EarlierReport } from "../core/history/baselines";

// Browser mode: open or drop an .xlsx, check it, download a highlighted copy. Everything runs in this page;
// the .xlsx reader/writer and the sample are loaded on first use so the first screen comes up fast on slow links.

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: "8px", justifyContent: "center" },
  bar: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center", justifyContent: "space-between" },
});

interface OpenFile {
  name: string;
  host: FileHost;
  /** The picked or dropped file, read again on "Kiểm tra lại" so a copy fixed and saved on disk is what is checked. */
  source?: Blob;
}

/** Level and year the user chose by hand for this file: "Kiểm tra lại" keeps them. */
type Manual = { level: Choice["level"]; year: number };

/** One of several files dropped at once: its summary, or why it could not be used. */
type ManyResult = { name: string; source: Blob; report: CheckReport } | { name: string; source: Blob; error: string };

const loadFileHost = () => import(/* webpackChunkName: "xlsx-host" */ "../hosts/xlsx/file-host");

export interface BrowserAppProps {
  catalog: Catalog;
  registry: UnitRegistry;
  initialChoice: Choice;
}

export function BrowserApp({ catalog, registry, initialChoice }: BrowserAppProps) {
  const styles = { ...useDropZoneStyles(), ...useStyles() };
  const { t, lang } = useLang();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [file, setFile] = useState<OpenFile | null>(null);
  const [report, setReport] = useState<CheckReport | null>(null);
  const [manual, setManual] = useState<Manual | undefined>(undefined);
  /** The open file has no indicator table: the template is offered (and stays offered after its download). */
  const [noTable, setNoTable] = useState(false);
  const [many, setMany] = useState<ManyResult[] | null>(null);
  const { busy, error, setError, status, setStatus, askContext, setAskContext, run } = useUserAction();
  const [choice, setChoiceState] = useState(initialChoice);
  const sheetContext = useSheetContext(catalog, registry, setChoiceState);
  const [tab, setTab] = useState<"check" | "consolidate">("check");
  // the unit's earlier reports, picked for the open file: every check of it uses them
  const [history, setHistory] = useState<EarlierReport[]>([]);
  const [historyFailed, setHistoryFailed] = useState<{ name: string; reason: string }[]>([]);
  useFocusHeading("many-heading", many);
  const stores = [localChoiceStore()];
  const setChoice = (c: Choice) => {
    setChoiceState(c);
    saveChoice(stores, c);
  };

  const check = async (open: OpenFile, opts?: Manual, earlier: readonly EarlierReport[] = history) => {
    setReport(null);
    const snapshot = await open.host.readSnapshot();
    try {
      setReport(checkWorkbook(snapshot, { catalog, ...(opts ?? {}), ...(earlier.length > 0 ? { history: earlier } : {}) }));
    } catch (e) {
      sheetContext.offer(snapshot, e);
      setNoTable(e instanceof ChitieuError && e.is("error.no-indicators"));
      throw e;
    }
    setNoTable(false);
    setManual(opts);
    setAskContext(false);
  };

  const openBlob = (name: string, source: Blob) =>
    run(async () => {
      const { createFileHost } = await loadFileHost();
      const open = { name, host: createFileHost(await readFileBytes(source)), source };
      setSessionReview(null);
      setMany(null);
      setFile(open);
      setReport(null);
      setHistory([]);
      setHistoryFailed([]);
      await check(open, undefined, []);
    });

  // "Kiểm tra lại": the file as it is on disk now (fixed and saved since?), with the level/year chosen by hand
  const recheck = (open: OpenFile) =>
    run(async () => {
      let again = open;
      if (open.source) {
        const { createFileHost } = await loadFileHost();
        // Chrome refuses to read a picked file changed since (NotReadableError): say what to do instead
        const bytes = await readFileBytes(open.source).catch((e: unknown) => {
          throw new ChitieuError("error.file-reread", { file: open.name }, { cause: e });
        });
        again = { ...open, host: createFileHost(bytes) };
        if (sessionReview) await again.host.saveReview(sessionReview);
        setFile(again);
      }
      await check(again, manual);
    });

  // several files at once: each is checked on its own, and a bad one never stops the others
  const openMany = (files: File[]) =>
    run(async () => {
      const { createFileHost } = await loadFileHost();
      const results: ManyResult[] = [];
      for (const f of files) {
        try {
          const host = createFileHost(await readFileBytes(f));
          results.push({ name: f.name, source: f, report: checkWorkbook(await host.readSnapshot(), { catalog }) });
        } catch (e) {
          results.push({ name: f.name, source: f, error: errorText(toUserError(e), lang) });
        }
      }
      setMany(results);
    });

  const openFiles = async (list: FileList | null | undefined) => {
    const files = list ? Array.from(list) : [];
    if (files.length === 1) await openBlob(files[0]!.name, files[0]!);
    else if (files.length > 1) await openMany(files);
  };

  // earlier reports: each read and checked on its own; one that cannot be read is said, the others still used
  const addHistory = (files: File[]) =>
    run(async () => {
      if (!file) return;
      const { earlierReportsFromBytes } = await import(/* webpackChunkName: "xlsx-host" */ "../hosts/xlsx/earlier-report");
      const added: EarlierReport[] = [];
      const failed: { name: string; reason: string }[] = [];
      for (const f of files) {
        try {
          added.push(...earlierReportsFromBytes(await readFileBytes(f), f.name, { catalog, units: registry }));
        } catch (e) {
          failed.push({ name: f.name, reason: errorText(toUserError(e), lang) });
        }
      }
      const all = [...history, ...added];
      setHistory(all);
      setHistoryFailed(failed);
      await check(file, manual, all);
    });

  const openSample = () =>
    run(async () => {
      const sample = await import(/* webpackChunkName: "sample" */ "./sample");
      const { createFileHost } = await loadFileHost();
      const open = { name: sample.SAMPLE_FILE_NAME, host: createFileHost(sample.sampleWorkbook()) };
      setSessionReview(null);
      setFile(open);
      await check(open);
    });

  // the confirmed mapping is kept in the workbook (and so in the download); the check then uses it
  const saveMapping = (saved: SavedMapping) =>
    run(async () => {
      if (!file) return;
      await file.host.saveMapping(saved);
      setReport(checkWorkbook(await file.host.readSnapshot(), { catalog, ...(history.length > 0 ? { history } : {}) }));
      setStatus({ key: "mapping.saved", params: { count: saved.entries.length } });
    });

  // a reviewer's decision: kept in the copy this page holds (the file on disk is never written), then checked again;
  // "Kiểm tra lại" reads the file from disk, so the decisions of this session are put back into it first
  const [reviewer, setReviewer] = useReviewerName();
  const [sessionReview, setSessionReview] = useState<ReviewStore | null>(null);
  const decide = (make: () => ReviewStore) =>
    run(async () => {
      if (!file) return;
      const store = make();
      await file.host.saveReview(store);
      setSessionReview(store);
      setReport(checkWorkbook(await file.host.readSnapshot(), { catalog, ...(manual ?? {}) }));
      setStatus({ key: "review.savedCopy" });
    });
  const reviewActions = (current: CheckReport): ReviewActions => reviewActionsFor(current, reviewer, setReviewer, (make) => void decide(make));

  const downloadReviewed = () =>
    run(async () => {
      if (!file) return;
      const name = reviewedFileName(file.name);
      downloadBytes(name, file.host.bytes());
      setStatus({ key: "review.downloaded", params: { file: name } });
    });

  const downloadMarked = () =>
    run(async () => {
      if (!file || !report) return;
      await file.host.applyHighlights(report.plan);
      const name = markedFileName(file.name);
      downloadBytes(name, file.host.bytes());
      setStatus({ key: "browser.downloaded", params: { file: name } });
    });

  const downloadCleared = () =>
    run(async () => {
      if (!file) return;
      await file.host.clearHighlights();
      const name = clearedFileName(file.name);
      downloadBytes(name, file.host.bytes());
      setStatus({ key: "browser.cleared", params: { file: name } });
    });

  const downloadBlank = () =>
    run(async () => {
      const { writeTemplateXlsx } = await import(/* webpackChunkName: "xlsx-template" */ "../hosts/xlsx/template");
      const name = templateFileName(choice);
      downloadBytes(name, writeTemplateXlsx(layoutFor(catalog, registry, choice)));
      setStatus({ key: "start.downloaded", params: { file: name } });
    });

  // the review record as a file: CSV for any spreadsheet, or our own .xlsx (its writer loaded on first use)
  const downloadRecord = (record: ReviewRecord, ext: "csv" | "xlsx") =>
    run(async () => {
      if (!file) return;
      const name = recordFileName(file.name, ext);
      if (ext === "csv") downloadBytes(name, new TextEncoder().encode(recordCsv(record, lang)), CSV_MIME);
      else {
        const { writeRecordXlsx } = await import(/* webpackChunkName: "xlsx-record" */ "../hosts/xlsx/review/write-record");
        downloadBytes(name, writeRecordXlsx(recordText(record, lang)));
      }
      setStatus({ key: "record.downloaded", params: { file: name } });
    });

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    void openFiles(e.dataTransfer.files);
  };

  const reset = () => {
    setFile(null);
    setMany(null);
    setHistory([]);
    setHistoryFailed([]);
    setManual(undefined);
    setNoTable(false);
    setReport(null);
    setSessionReview(null);
    setError(null);
    setStatus(null);
    setAskContext(false);
    if (inputRef.current) inputRef.current.value = "";
  };

  // two toggle buttons rather than a TabList: its arrow-key focus guards are focusable aria-hidden elements (axe)
  const tabs = (
    <div role="group" aria-label={t("tabs.label")} className={styles.actions}>
      <ToggleButton checked={tab === "check"} appearance={tab === "check" ? "primary" : "secondary"} onClick={() => setTab("check")}>
        {t("tabs.check")}
      </ToggleButton>
      <ToggleButton checked={tab === "consolidate"} appearance={tab === "consolidate" ? "primary" : "secondary"} onClick={() => setTab("consolidate")}>
        {t("tabs.consolidate")}
      </ToggleButton>
    </div>
  );
  if (tab === "consolidate") {
    return (
      <>
        {tabs}
        <ConsolidateView catalog={catalog} registry={registry} />
      </>
    );
  }

  return (
    <>
      {tabs}
      {error && (
        <ErrorNotice
          error={error}
          templateOffer={{ text: t("noTemplate.offerDownload"), action: t("start.download"), disabled: busy || choice.unitCode === "", onClick: () => void downloadBlank() }}
        />
      )}
      {status && <StatusNotice text={t(status.key, status.params)} />}
      {busy && <Spinner size="tiny" label={t("app.busy")} />}
      {many && !file ? (
        <section aria-labelledby="many-heading">
          <div className={styles.bar}>
            <Subtitle1 as="h2" id="many-heading" block tabIndex={-1}>
              {t("browser.many.heading", { count: String(many.length) })}
            </Subtitle1>
            <Button onClick={reset}>{t("browser.other")}</Button>
          </div>
          <ul data-testid="many-results">
            {many.map((m, i) => (
              <li key={i} data-testid="many-result">
                <Text>
                  {"error" in m
                    ? t("browser.many.failed", { file: m.name, reason: m.error })
                    : t("browser.many.ok", { file: m.name, ...manyCounts(m.report) })}
                </Text>{" "}
                {!("error" in m) && (
                  <Button size="small" appearance="subtle" disabled={busy} onClick={() => void openBlob(m.name, m.source)}>
                    {t("browser.many.open")}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          <Text as="p" block>
            {t("browser.many.consolidate")}
          </Text>
          <Button onClick={() => setTab("consolidate")}>{t("browser.many.toConsolidate")}</Button>
        </section>
      ) : !file ? (
        <>
          <section aria-labelledby="open-heading">
            <Subtitle1 as="h2" id="open-heading" block>
              {t("browser.heading")}
            </Subtitle1>
            <Text as="p" block>
              {t("browser.intro")}{" "}
              <Link href="assets/help.html" target="_blank" rel="noopener">
                {t("browser.help")}
              </Link>
            </Text>
            <div
              className={`${styles.drop} ${dragging ? styles.dragging : ""}`}
              data-testid="drop-zone"
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
              // the whole zone opens the picker on a click; the button inside is the keyboard's way to it
              onClick={(e) => {
                if (!busy && !(e.target as HTMLElement).closest("button")) inputRef.current?.click();
              }}
            >
              <Text>{t("browser.drop")}</Text>
              <label htmlFor="xlsx-input" className={styles.hidden}>
                {t("browser.pick")}
              </label>
              <input
                id="xlsx-input"
                ref={inputRef}
                type="file"
                accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                className={styles.hidden}
                tabIndex={-1}
                multiple
                onClick={(e) => e.stopPropagation()}
                onChange={(e) => void openFiles(e.target.files)}
              />
              <div className={styles.actions}>
                <Button appearance="primary" disabled={busy} onClick={() => inputRef.current?.click()}>
                  {t("browser.pick")}
                </Button>
                <Button disabled={busy} onClick={() => void openSample()}>
                  {t("browser.sample")}
                </Button>
              </div>
            </div>
          </section>
          <StartScreen mode="browser" registry={registry} choice={choice} onChoice={setChoice} busy={busy} onDownload={() => void downloadBlank()} />
        </>
      ) : (
        <>
          <div className={styles.bar}>
            <Text weight="semibold" data-testid="open-file">
              {t("browser.opened", { file: file.name })}
            </Text>
            <Button onClick={reset}>{t("browser.other")}</Button>
          </div>
          {askContext && (
            <ContextRetry
              registry={registry}
              choice={choice}
              onChoice={setChoice}
              busy={busy}
              guess={sheetContext.guess}
              onRetry={() => void run(() => check(file, { level: choice.level, year: choice.year }))}
            />
          )}
          {/* nothing to check in this file: the template is offered, with the one set of fields it needs */}
          {!report && !askContext && noTable && (
            <StartScreen mode="browser" registry={registry} choice={choice} onChoice={setChoice} busy={busy} onDownload={() => void downloadBlank()} />
          )}
          {report && needsMappingReview(report) && <ConflictNotice report={report} registry={registry} />}
          {report && !needsMappingReview(report) && <HistoryPicker busy={busy} report={report} failed={historyFailed} onPick={(files) => void addHistory(files)} />}
          {report && needsMappingReview(report) && <MappingReview report={report} catalog={catalog} busy={busy} onSave={(m) => void saveMapping(m)} />}
          {report && !needsMappingReview(report) && (
            <CheckView
              report={report}
              catalog={catalog}
              registry={registry}
              busy={busy}
              onRecheck={() => void recheck(file)}
              review={reviewActions(report)}
              recordDownloads={(record) => (
                <>
                  <Button disabled={busy} onClick={() => void downloadRecord(record, "csv")}>
                    {t("record.csv")}
                  </Button>
                  <Button disabled={busy} onClick={() => void downloadRecord(record, "xlsx")}>
                    {t("record.xlsx")}
                  </Button>
                </>
              )}
              actions={
                <>
                  {sessionReview && (
                    <Button appearance="primary" disabled={busy} onClick={() => void downloadReviewed()} data-testid="download-reviewed">
                      {t("review.download")}
                    </Button>
                  )}
                  <Button appearance="primary" disabled={busy} onClick={() => void downloadMarked()}>
                    {t("browser.download")}
                  </Button>
                  <Button disabled={busy} onClick={() => void downloadCleared()}>
                    {t("browser.clear")}
                  </Button>
                </>
              }
            />
          )}
        </>
      )}
    </>
  );
}

function manyCounts(report: CheckReport) {
  const b = report.summary.byStatus;
  return { met: String(b.met + b["on-track"]), notMet: String(b.below + b["off-track"]), invalid: String(b.invalid), missing: String(b.missing) };
}
