import { Button, makeStyles, ProgressBar, Select, Subtitle1, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { useRef, useState, type DragEvent } from "react";
import type { Catalog } from "../core/catalog";
import type { ByUnitStatus, ConsolidationReport, Period } from "../core/consolidate";
import { formatReason, formatShortfalls, formatUnitReview } from "../core/consolidate/reason";
import { comparatorSymbol, formatMessage, formatNumber, type MessageKey } from "../core/messages";
import type { UnitRegistry } from "../core/units";
import { ErrorNotice, StatusNotice } from "../app/components/ErrorNotice";
import { useLang } from "../app/i18n";
import { useUserAction } from "../app/use-user-action";
import { consolidateFiles, filesFromDrop, workbooksOf, type NamedFile } from "./consolidate-files";
import { downloadBytes } from "./download";
import { useDropZoneStyles } from "./drop-zone-styles";

// Browser mode, consolidation: drop the units' workbooks (or a folder), see the progress, the scorecard and who is
// missing, and download the consolidated workbook. Nothing leaves the page.

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  // a wide table scrolls sideways; its region takes keyboard focus so it scrolls without a mouse
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, "& th, & td": { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 6px", textAlign: "left" } },
  met: { backgroundColor: tokens.colorPaletteGreenBackground2 },
  below: { backgroundColor: tokens.colorPaletteRedBackground2 },
  offTrack: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  invalid: { backgroundColor: tokens.colorPaletteDarkOrangeBackground2 },
  leftOut: { backgroundColor: tokens.colorPaletteMarigoldBackground2 },
  missing: { backgroundColor: tokens.colorNeutralBackground3 },
});

const YEARS = [2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030];
const WEAK: ReadonlySet<ByUnitStatus> = new Set(["below", "off-track", "invalid", "missing", "left-out", "no-file"]);

function periodValue(p: Period): string {
  return p.half ? `${p.year}-${p.half}` : String(p.year);
}

export interface ConsolidateViewProps {
  catalog: Catalog;
  registry: UnitRegistry;
}

export function ConsolidateView({ catalog, registry }: ConsolidateViewProps) {
  const styles = { ...useDropZoneStyles(), ...useStyles() };
  const { t, lang } = useLang();
  const m = (key: MessageKey, params: Record<string, string | number> = {}) => formatMessage({ key, params }, lang);
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const [period, setPeriod] = useState<Period>({ year: 2025, half: null });
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<ConsolidationReport | null>(null);
  const { busy, error, status, setStatus, run } = useUserAction();

  const tone = (s: ByUnitStatus): string => {
    if (s === "met" || s === "on-track") return styles.met;
    if (s === "below") return styles.below;
    if (s === "off-track") return styles.offTrack;
    if (s === "invalid") return styles.invalid;
    if (s === "left-out") return styles.leftOut;
    if (s === "missing" || s === "no-file") return styles.missing;
    return "";
  };

  const start = (picked: NamedFile[]) =>
    run(async () => {
      setReport(null);
      const files = workbooksOf(picked);
      if (files.length === 0) {
        setStatus({ key: "consolidate.none" });
        return;
      }
      const r = await consolidateFiles(files, { catalog, registry, period }, (done, total) => setProgress({ done, total }));
      setReport(r);
    });

  const fromInput = (list: FileList | null) => {
    if (!list) return;
    void start([...list].map((f) => ({ name: f.webkitRelativePath || f.name, blob: f })));
  };

  const onDrop = async (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const { items, files } = e.dataTransfer;
    void start(await filesFromDrop(items, files));
  };

  const download = () =>
    run(async () => {
      if (!report) return;
      const { writeConsolidatedXlsx } = await import(/* webpackChunkName: "consolidate" */ "../hosts/xlsx/consolidated");
      const name = `tong-hop-${report.period}.xlsx`;
      downloadBytes(name, writeConsolidatedXlsx(report, { catalog, lang }));
      setStatus({ key: "browser.downloaded", params: { file: name } });
    });

  const value = (x: number | null) => (x === null ? "–" : formatNumber(Math.round(x * 100) / 100, lang));
  const rolled = report?.indicators.filter((i) => i.method !== "province-workbook") ?? [];
  const weakUnits = new Map<string, number>();
  for (const i of rolled) for (const b of i.byUnit) weakUnits.set(b.unit, (weakUnits.get(b.unit) ?? 0) + (WEAK.has(b.status) ? 1 : 0));
  const unitOrder = [...weakUnits.keys()].sort((a, b) => weakUnits.get(b)! - weakUnits.get(a)!);
  const nameOf = new Map(report?.units.filter((u) => u.unit).map((u) => [u.unit!, u.unitName ?? u.unit!]) ?? []);

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
      <div className={styles.row}>
        <label htmlFor="period-select">{t("consolidate.period")}</label>
        <Select
          id="period-select"
          value={periodValue(period)}
          disabled={busy}
          onChange={(_, d) => setPeriod(d.value.endsWith("-H1") ? { year: Number(d.value.slice(0, 4)), half: "H1" } : { year: Number(d.value), half: null })}
        >
          {YEARS.flatMap((y) => [
            ...(y === 2025 ? [<option key={`${y}-H1`} value={`${y}-H1`}>{t("consolidate.period.h1", { year: String(y) })}</option>] : []),
            <option key={y} value={String(y)}>
              {t("consolidate.period.year", { year: String(y) })}
            </option>,
          ])}
        </Select>
      </div>
      <div
        className={`${styles.drop} ${dragging ? styles.dragging : ""}`}
        data-testid="consolidate-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => void onDrop(e)}
      >
        <Text>{t("consolidate.drop")}</Text>
        <label htmlFor="units-input" className={styles.hidden}>
          {t("consolidate.pickFiles")}
        </label>
        <input id="units-input" ref={filesRef} type="file" multiple accept=".xlsx,.xlsm" className={styles.hidden} tabIndex={-1} onChange={(e) => fromInput(e.target.files)} />
        <label htmlFor="folder-input" className={styles.hidden}>
          {t("consolidate.pickFolder")}
        </label>
        <input
          id="folder-input"
          ref={folderRef}
          type="file"
          multiple
          className={styles.hidden}
          tabIndex={-1}
          onChange={(e) => fromInput(e.target.files)}
          {...({ webkitdirectory: "" } as Record<string, string>)}
        />
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy} onClick={() => filesRef.current?.click()}>
            {t("consolidate.pickFiles")}
          </Button>
          <Button disabled={busy} onClick={() => folderRef.current?.click()}>
            {t("consolidate.pickFolder")}
          </Button>
        </div>
      </div>
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
          <Subtitle2 as="h3" block>
            {m("consolidate.book.sheet.summary")}
          </Subtitle2>
          <div className={styles.scroll} tabIndex={0} role="region" aria-label={m("consolidate.book.sheet.summary")}>
            <table className={styles.table} data-testid="consolidate-indicators">
              <thead>
                <tr>
                  {(["code", "value", "numerator", "denominator", "target", "status", "partial"] as const).map((k) => (
                    <th key={k} scope="col">
                      {m(`consolidate.book.col.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.indicators.map((i) => (
                  <tr key={i.indicator} data-indicator={i.indicator}>
                    <th scope="row" title={catalog.indicators.find((x) => x.code === i.indicator)?.label[lang]}>
                      {i.indicator}
                    </th>
                    <td className={tone(i.status)}>{value(i.value)}</td>
                    <td>{value(i.numerator)}</td>
                    <td>{value(i.denominator)}</td>
                    <td>{i.target ? `${comparatorSymbol(i.target.comparator)} ${formatNumber(i.target.value, lang)}` : "–"}</td>
                    <td className={tone(i.status)}>{m(`consolidate.judged.${i.status}` as MessageKey)}</td>
                    <td>{i.partial ? m("consolidate.partial", { ...i.partial }) : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Subtitle2 as="h3" block>
            {m("consolidate.book.sheet.scorecard")}
          </Subtitle2>
          <div className={styles.scroll} tabIndex={0} role="region" aria-label={m("consolidate.book.sheet.scorecard")}>
            <table className={styles.table} data-testid="consolidate-scorecard">
              <thead>
                <tr>
                  <th scope="col">{m("consolidate.book.col.unit")}</th>
                  {rolled.map((i) => (
                    <th key={i.indicator} scope="col">
                      {i.indicator}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {unitOrder.map((u) => (
                  <tr key={u} data-unit={u}>
                    <th scope="row">{nameOf.get(u) ?? u}</th>
                    {rolled.map((i) => {
                      const b = i.byUnit.find((x) => x.unit === u);
                      return (
                        <td key={i.indicator} className={b ? tone(b.status) : ""} title={b ? m(`consolidate.judged.${b.status}` as MessageKey) : ""}>
                          {b ? value(b.value) : ""}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Subtitle2 as="h3" block>
            {m("consolidate.book.sheet.completeness")}
          </Subtitle2>
          <div className={styles.scroll} tabIndex={0} role="region" aria-label={m("consolidate.book.sheet.completeness")}>
            <table className={styles.table} data-testid="consolidate-completeness">
              <thead>
                <tr>
                  {(["unit", "file", "state", "reason", "review", "shortfalls"] as const).map((k) => (
                    <th key={k} scope="col">
                      {m(`consolidate.book.col.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.units.map((u, k) => (
                  <tr key={k} data-status={u.status}>
                    <td>{u.unitName ?? u.unit ?? ""}</td>
                    <td>{u.file ?? ""}</td>
                    <td>{m(`consolidate.status.${u.status}` as MessageKey)}</td>
                    <td>{u.reason ? formatReason(u.reason, lang) : ""}</td>
                    <td data-testid="unit-review">{u.review ? formatUnitReview(u.review, lang) : ""}</td>
                    <td>{u.review ? formatShortfalls(u.review) : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
