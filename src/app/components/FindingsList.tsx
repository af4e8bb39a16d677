import { Badge, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { findIndicator, pillarHeading, type Catalog, type Indicator } from "../../core/catalog";
import type { LocatedFinding } from "../../core/check";
import type { Severity } from "../../core/highlight-plan";
import { formatMessage } from "../../core/messages";
import { useLang } from "../i18n";
import { groupFindings } from "../report-view";
import { Sparkline } from "./Sparkline";

// Findings grouped by severity, then pillar. Where the host can select cells each finding is a real button
// (Enter and Space work, focus is visible); elsewhere it names the sheet and cell instead.

const useStyles = makeStyles({
  group: { marginTop: "12px" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  item: {
    display: "block",
    width: "100%",
    textAlign: "left",
    padding: "8px 10px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: "4px",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: "inherit",
  },
  button: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorderActive },
  info: { borderLeftColor: tokens.colorNeutralStrokeAccessible },
  line: { display: "block" },
  code: { fontWeight: tokens.fontWeightSemibold },
  details: { display: "block", marginTop: "4px", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  where: { display: "block", marginTop: "4px", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  pillar: { margin: "8px 0 4px", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  summary: {
    cursor: "pointer",
    "& > h3": { display: "inline" },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
});

/** Shares are drawn and said in %, counts as they are. */
function percentLike(ind: Indicator | undefined): boolean {
  return ind !== undefined && ind.unit.kind !== "count" && ind.unit.kind !== "rank";
}

/** More missing figures than this and the information group starts folded. */
const FOLD_INFO_OVER = 5;

const BADGE: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

export interface FindingsListProps {
  findings: readonly LocatedFinding[];
  catalog: Catalog;
  /** Absent when the host cannot select cells. */
  onSelect?: (finding: LocatedFinding) => void;
}

export function FindingsList({ findings, catalog, onSelect }: FindingsListProps) {
  const styles = useStyles();
  const { t, lang } = useLang();
  const groups = groupFindings(findings, catalog);

  const body = (f: LocatedFinding) => {
    const ind = findIndicator(catalog, f.indicator);
    return (
      <>
        <span className={styles.line}>
          <span className={styles.code}>{f.indicator}</span> {ind?.label[lang] ?? ""}{" "}
          <Badge appearance="tint" color={BADGE[f.severity]} size="small">
            {t(`status.${f.status}`)}
          </Badge>
        </span>
        <span className={styles.line}>{formatMessage(f.message, lang)}</span>
        {f.history && <Sparkline history={f.history} unit={percentLike(ind) ? "%" : ""} />}
        {f.details.length > 0 && <span className={styles.details}>{f.details.map((d) => formatMessage(d, lang)).join(" ")}</span>}
        {f.sheet && f.cell && <span className={styles.where}>{t("findings.where", { sheet: f.sheet, cell: f.cell })}</span>}
      </>
    );
  };

  const item = (f: LocatedFinding, key: string) => {
    const cls = `${styles.item} ${styles[f.severity]}`;
    if (onSelect && f.sheet && f.cell) {
      const { sheet, cell } = f;
      return (
        <li key={key}>
          <button type="button" className={`${cls} ${styles.button}`} data-testid="finding" title={t("findings.goTo", { sheet, cell })} onClick={() => onSelect(f)}>
            {body(f)}
          </button>
        </li>
      );
    }
    return (
      <li key={key} className={cls} data-testid="finding">
        {body(f)}
      </li>
    );
  };

  return (
    <section aria-labelledby="findings-heading">
      <Subtitle2 as="h2" id="findings-heading" block>
        {t("findings.heading")}
      </Subtitle2>
      {groups.length === 0 && <Text as="p">{t("findings.none")}</Text>}
      {groups.map((g) => {
        const title = (
          <Subtitle2 as="h3" id={`sev-${g.severity}`} block>
            {t(`findings.severity.${g.severity}`)} ({g.count})
          </Subtitle2>
        );
        const pillars = g.pillars.map((p) => (
          <div key={p.pillar}>
            <h4 className={styles.pillar}>{pillarHeading(catalog, p.pillar).heading[lang]}</h4>
            <ul className={styles.list}>{p.findings.map((f, i) => item(f, `${f.indicator}-${i}`))}</ul>
          </div>
        ));
        // a long list of figures still to enter would bury the errors and shortfalls: folded, one click away
        const fold = g.severity === "info" && g.count > FOLD_INFO_OVER;
        return (
          <section key={g.severity} className={styles.group} aria-labelledby={`sev-${g.severity}`} data-testid={`severity-${g.severity}`}>
            {fold ? (
              <details>
                <summary className={styles.summary}>{title}</summary>
                {pillars}
              </details>
            ) : (
              <>
                {title}
                {pillars}
              </>
            )}
          </section>
        );
      })}
    </section>
  );
}
