import { Button, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { Catalog } from "../../core/catalog";
import { checkWorkbook, type CheckReport, type LocatedFinding } from "../../core/check";
import type { TemplateMetadata } from "../../core/snapshot";
import type { UnitRegistry } from "../../core/units";
import type { WorkbookHost } from "../../hosts/host";
import { saveChoice, type Choice, type ChoiceStore } from "../choice";
import { takeRecentCommandResult, type CommandResult } from "../command-log";
import { CapabilityNotice } from "../components/CapabilityNotice";
import { ConflictNotice } from "../components/ConflictNotice";
import { ErrorNotice, StatusNotice } from "../components/ErrorNotice";
import { HeldTemplate } from "../components/HeldTemplate";
import { MappingReview, needsMappingReview } from "../components/MappingReview";
import type { SavedMapping } from "../../core/mapping";
import { errorText, toUserError } from "../errors";
import { useLang } from "../i18n";
import { useSheetContext } from "../sheet-context";
import { layoutFor } from "../template-request";
import { useUserAction } from "../use-user-action";
import type { ConsolidationIo } from "../consolidate-run";
import { CheckView } from "./CheckView";
import { ConsolidateInExcel } from "./ConsolidateInExcel";
import type { ReviewStore } from "../../core/review";
import { reviewActionsFor, type ReviewActions } from "../review-actions";
import { useReviewerName } from "../reviewer";
import { HistoryPicker } from "../components/HistoryPicker";
import type { EarlierReport } from "../../core/history/baselines";
import { ContextRetry } from "./ContextRetry";
import { StartScreen } from "./StartScreen";

// The task pane inside Excel: insert a template, check the workbook, mark it, clear marks; all through a WorkbookHost.

export interface ExcelAppProps {
  host: WorkbookHost;
  catalog: Catalog;
  registry: UnitRegistry;
  initialChoice: Choice;
  stores?: readonly (ChoiceStore | null)[];
  /** Re-check when the workbook changes (when the host can tell); returns the unsubscribe. A failure to watch is reported. */
  watchChanges?: (onChange: () => void, onError: (e: unknown) => void) => () => void;
  /** Consolidating the units' workbooks into this one (the page gives the file reader; the host must write sheets). */
  consolidation?: ConsolidationIo;
  /** Reads one of the unit's earlier report files (the pane offers "last year's report" when given). */
  readEarlier?: (file: File) => Promise<EarlierReport[]>;
}

type Screen = "start" | "check" | "consolidate";

export function ExcelApp({ host, catalog, registry, initialChoice, stores = [], watchChanges, consolidation, readEarlier }: ExcelAppProps) {
  const { t, lang } = useLang();
  const [screen, setScreen] = useState<Screen>("start");
  const [choice, setChoiceState] = useState<Choice>(initialChoice);
  const [report, setReport] = useState<CheckReport | null>(null);
  const { guess: sheetGuess, offer: offerSheetContext } = useSheetContext(catalog, registry, setChoiceState);
  /** Level and year the user gave for a workbook that is not our template. */
  const [given, setGiven] = useState<{ level: Choice["level"]; year: number; unitCode?: string } | null>(null);
  /** The mapping the user confirmed for an office's own layout, when this host cannot keep it in the workbook. */
  const [sessionMapping, setSessionMapping] = useState<SavedMapping | null>(null);
  const missing = host.capabilities().missing;
  const [lastCommand] = useState<CommandResult | null>(() => takeRecentCommandResult());
  /**
   * Our own writes might raise change events: for a moment after a check or a clear, a change does not start a check
   * (which could start itself again) but marks the results as stale, for the user to re-check. Selecting a finding's
   * cell writes nothing, so it opens no such moment: an edit right after it is re-checked like any other.
   */
  const quietUntil = useRef(0);
  const quiet = () => {
    quietUntil.current = Date.now() + 1500;
  };
  const [stale, setStale] = useState(false);
  const { busy, error, setError, status, setStatus, askContext, setAskContext, run } = useUserAction();
  /** The unit's earlier reports the user picked: every check uses them until the pane closes. */
  const [history, setHistory] = useState<EarlierReport[]>([]);
  const [historyFailed, setHistoryFailed] = useState<{ name: string; reason: string }[]>([]);

  /** The template the workbook already holds, read once when the pane opens (which also lets the host's first check be cheap). */
  const [held, setHeld] = useState<TemplateMetadata | null>(null);
  useEffect(() => {
    let live = true;
    host.readMetadata().then(
      (m) => live && setHeld(m),
      (e: unknown) => live && setError(toUserError(e)),
    );
    return () => {
      live = false;
    };
  }, [host, setError]);

  const setChoice = (c: Choice) => {
    setChoiceState(c);
    saveChoice(stores, c);
  };

  const insert = (sheetName?: string) =>
    run(async () => {
      const layout = layoutFor(catalog, registry, choice, sheetName);
      const { sheetName: inserted } = await host.insertTemplate(layout);
      quiet();
      saveChoice(stores, choice);
      setHeld({ ...layout.metadata, sheet: inserted });
      // the inserted template states its own level and year: a choice made for another sheet no longer applies
      setGiven(null);
      setStatus({ key: "start.inserted", params: { sheet: inserted } });
    });

  const check = (opts: { level: Choice["level"]; year: number; unitCode?: string } | null = given, earlier: readonly EarlierReport[] = history) =>
    run(async () => {
      const snapshot = await host.readSnapshot();
      let next: CheckReport;
      try {
        next = checkWorkbook(snapshot, { catalog, ...(opts ?? {}), ...(sessionMapping ? { mapping: sessionMapping } : {}), ...(earlier.length > 0 ? { history: earlier } : {}) });
      } catch (e) {
        offerSheetContext(snapshot, e);
        throw e;
      }
      setReport(next);
      setScreen("check");
      setAskContext(false);
      setStale(false);
      // an office's own layout seen for the first time: nothing is marked until the user has reviewed the mapping
      if (needsMappingReview(next)) return;
      const applied = await host.applyHighlights(next.plan);
      quiet();
      setStatus({ key: "check.marked", params: { count: applied.marked } });
    });

  // earlier reports: each read on its own; one that cannot be read is said, the others still used
  const addHistory = async (files: File[]) => {
    if (!readEarlier) return;
    const added: EarlierReport[] = [];
    const failed: { name: string; reason: string }[] = [];
    for (const f of files) {
      try {
        added.push(...(await readEarlier(f)));
      } catch (e) {
        failed.push({ name: f.name, reason: errorText(toUserError(e), lang) });
      }
    }
    const all = [...history, ...added];
    setHistory(all);
    setHistoryFailed(failed);
    await check(given, all);
  };

  const saveMapping = (saved: SavedMapping) =>
    run(async () => {
      if (host.saveMapping) await host.saveMapping(saved);
      else setSessionMapping(saved);
      const next = checkWorkbook(await host.readSnapshot(), { catalog, mapping: saved });
      setReport(next);
      await host.applyHighlights(next.plan);
      setStatus({ key: host.saveMapping ? "mapping.saved" : "mapping.savedSession", params: { count: saved.entries.length } });
    });

  /** The cell the user selected in Excel, for the mapping review; null when it could not be read (the error is shown). */
  const pickSelection = async (): Promise<{ sheet: string; cell: string } | null> => {
    let out: { sheet: string; cell: string } | null = null;
    await run(async () => {
      out = await host.selectedCell!();
    });
    return out;
  };

  // a reviewer's decision: kept in the workbook, then the check read again so what is shown is what was kept
  const [reviewer, setReviewer] = useReviewerName();
  const decide = (make: () => ReviewStore) =>
    run(async () => {
      // a refusal (no name, a return without a comment) is said before anything is written
      const store = make();
      // our own write may raise change events (an office's layout is watched on every sheet): not a reason to re-check
      quiet();
      await host.saveReview(store);
      setReport(checkWorkbook(await host.readSnapshot(), { catalog, ...(given ?? {}), ...(sessionMapping ? { mapping: sessionMapping } : {}) }));
      quiet();
      setStatus({ key: "review.saved" });
    });
  const reviewActions = (current: CheckReport): ReviewActions => reviewActionsFor(current, reviewer, setReviewer, (make) => void decide(make));

  const clear = () =>
    run(async () => {
      await host.clearHighlights();
      quiet();
      setStatus({ key: "check.cleared" });
    });

  const select = (f: LocatedFinding) => {
    if (!f.sheet || !f.cell) return;
    void run(() => host.selectCell(f.sheet!, f.cell!));
  };

  // edits re-run the check while its results are on screen
  const checkRef = useRef(check);
  checkRef.current = check;
  useEffect(() => {
    if (!watchChanges || screen !== "check") return;
    return watchChanges(
      () => {
        if (Date.now() >= quietUntil.current) void checkRef.current();
        else setStale(true);
      },
      // the check still works by the button: say why it no longer follows typing
      (e) => setError(toUserError(e)),
    );
  }, [watchChanges, screen]);

  return (
    <>
      <CapabilityNotice missing={missing} />
      {lastCommand && (
        <ErrorNoticeOrStatus result={lastCommand} />
      )}
      {error && (
        <ErrorNotice
          error={error}
          onUseSuggestion={(name) => void insert(name)}
          templateOffer={{ text: t("noTemplate.offerInsert"), action: t("start.insert"), disabled: busy || choice.unitCode === "", onClick: () => void insert() }}
        />
      )}
      {status && <StatusNotice text={t(status.key, status.params)} />}
      {stale && screen === "check" && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>{t("check.stale")}</MessageBarBody>
        </MessageBar>
      )}
      {busy && <Spinner size="tiny" label={t("app.busy")} />}
      {held && screen === "start" && <HeldTemplate held={held} registry={registry} />}
      {askContext && (
        <ContextRetry
          registry={registry}
          choice={choice}
          onChoice={setChoice}
          busy={busy}
          guess={sheetGuess}
          onRetry={() => {
            // the unit too: a mapping saved from this check records it, so consolidation recognises the workbook
            const opts = { level: choice.level, year: choice.year, ...(choice.unitCode ? { unitCode: choice.unitCode } : {}) };
            setGiven(opts);
            void check(opts);
          }}
        />
      )}
      {screen === "consolidate" && consolidation && host.writeSheets ? (
        <>
          <div>
            <Button appearance="subtle" onClick={() => setScreen("start")}>
              ← {t("nav.back")}
            </Button>
          </div>
          <ConsolidateInExcel catalog={catalog} registry={registry} io={consolidation} write={(book, opts) => host.writeSheets!(book, opts)} />
        </>
      ) : /* while the level and year are asked, the start screen's own fields would be a second set */ (screen === "start" || !report) && askContext ? null : screen === "start" || !report ? (
        <StartScreen
          mode="excel"
          registry={registry}
          choice={choice}
          onChoice={setChoice}
          busy={busy}
          onInsert={() => void insert()}
          onCheck={() => void check()}
          {...(consolidation && host.writeSheets ? { onConsolidate: () => setScreen("consolidate") } : {})}
        />
      ) : (
        <>
          <div>
            <Button appearance="subtle" onClick={() => setScreen("start")}>
              ← {t("nav.back")}
            </Button>
          </div>
          {needsMappingReview(report) && <ConflictNotice report={report} registry={registry} />}
          {needsMappingReview(report) && <MappingReview report={report} catalog={catalog} busy={busy} onSave={(m) => void saveMapping(m)} {...(host.selectedCell ? { onPickSelection: pickSelection } : {})} />}
          {!needsMappingReview(report) && readEarlier && <HistoryPicker busy={busy} report={report} failed={historyFailed} onPick={(files) => void addHistory(files)} />}
          {!needsMappingReview(report) && <CheckView
            report={report}
            catalog={catalog}
            registry={registry}
            busy={busy}
            onRecheck={() => void check()}
            onClear={() => void clear()}
            onSelect={host.capabilities().selectCell ? select : undefined}
            review={reviewActions(report)}
          />}
        </>
      )}
    </>
  );
}

/** The last ribbon command's outcome, shown once when the pane opens. */
function ErrorNoticeOrStatus({ result }: { result: CommandResult }) {
  const { lang } = useLang();
  const text = lang === "vi" ? result.vi : result.en;
  if (result.ok) return <StatusNotice text={text} />;
  return <ErrorNotice error={{ kind: "host", code: "command", vi: result.vi, en: result.en }} />;
}
