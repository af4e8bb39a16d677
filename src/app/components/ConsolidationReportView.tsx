import { makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { Catalog } from "../../core/catalog";
import type { ByUnitStatus, ConsolidationReport } from "../../core/consolidate";
import { outlookMessage } from "../../core/consolidate/outlook";
import { formatReason, formatShortfalls, formatUnitReview } from "../../core/consolidate/reason";
import { comparatorSymbol, formatMessage, formatNumber, type MessageKey } from "../../core/messages";
import { useLang } from "../i18n";

// The consolidated report on screen, wherever it was made (browser mode, task pane): the provincial figures, the
// scorecard (units × indicators, weakest units first, each cell coloured by status) and the completeness list.

const useStyles = makeStyles({
  // a wide table scrolls sideways; its region takes keyboard focus so it scrolls without a mouse
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, "& th, & td": { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 6px", textAlign: "left" } },
  met: { backgroundColor: tokens.colorPaletteGreenBackground2 },
  below: { backgroundColor: tokens.colorPaletteRedBackground2 },
  // an unmet target the clerk explained: paler than an unexplained one
  explained: { backgroundColor: tokens.colorPaletteRedBackground1 },
  offTrack: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  invalid: { backgroundColor: tokens.colorPaletteDarkOrangeBackground2 },
  leftOut: { backgroundColor: tokens.colorPaletteMarigoldBackground2 },
  missing: { backgroundColor: tokens.colorNeutralBackground3 },
});

const WEAK: ReadonlySet<ByUnitStatus> = new Set(["below", "off-track", "invalid", "missing", "left-out", "no-file"]);

export interface ConsolidationReportViewProps {
  report: ConsolidationReport;
  catalog: Catalog;
}

export function ConsolidationReportView({ report, catalog }: ConsolidationReportViewProps) {
  const styles = useStyles();
  const { lang } = useLang();
  const m = (key: MessageKey, params: Record<string, string | number> = {}) => formatMessage({ key, params }, lang);
  const tone = (s: ByUnitStatus): string => {
    if (s === "met" || s === "on-track") return styles.met;
    if (s === "below") return styles.below;
    if (s === "off-track") return styles.offTrack;
    if (s === "invalid") return styles.invalid;
    if (s === "left-out") return styles.leftOut;
    if (s === "missing" || s === "no-file") return styles.missing;
    return "";
  };
  const value = (x: number | null) => (x === null ? "–" : formatNumber(Math.round(x * 100) / 100, lang));
  const rolled = report.indicators.filter((i) => i.method !== "province-workbook");
  const weakUnits = new Map<string, number>();
  for (const i of rolled) for (const b of i.byUnit) weakUnits.set(b.unit, (weakUnits.get(b.unit) ?? 0) + (WEAK.has(b.status) ? 1 : 0));
  const unitOrder = [...weakUnits.keys()].sort((a, b) => weakUnits.get(b)! - weakUnits.get(a)!);
  const nameOf = new Map(report.units.filter((u) => u.unit).map((u) => [u.unit!, u.unitName ?? u.unit!]));

  return (
    <>
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
            {report.history && <th scope="col">{m("consolidate.book.trend.pace")}</th>}
            {report.history && <th scope="col">{m("consolidate.book.trend.outlook")}</th>}
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
              {report.history && <td>{i.trend?.pace == null ? "–" : `${i.trend.pace > 0 ? "+" : ""}${value(i.trend.pace)}`}</td>}
              {report.history && <td>{i.trend ? formatMessage(outlookMessage(i.trend), lang) : ""}</td>}
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
                  <td
                    key={i.indicator}
                    className={b ? (b.explanation !== undefined ? styles.explained : tone(b.status)) : ""}
                    data-explained={b?.explanation !== undefined ? "true" : undefined}
                    title={b ? (b.explanation !== undefined ? `${m("term.shortfall.explained")}: ${b.explanation}` : m(`consolidate.judged.${b.status}` as MessageKey)) : ""}
                  >
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
    </div>    </>
  );
}
