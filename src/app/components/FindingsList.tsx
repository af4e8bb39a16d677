import { Badge, Button, Field, makeStyles, Subtitle2, Text, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { findIndicator, pillarHeading, type Catalog, type Indicator } from "../../core/catalog";
import type { LocatedFinding } from "../../core/check";
import type { Severity } from "../../core/highlight-plan";
import { formatMessage } from "../../core/messages";
import { DECISION_TERM, decisionMessage, reopenedMessage, SHORTFALL_TERM, shortfallKind } from "../../core/review";
import { useLang } from "../i18n";
import { returnedFindings, reviewGroups, type ReviewGroupKey } from "../report-view";
import type { ReviewActions } from "../review-actions";
import { Sparkline } from "./Sparkline";

// Findings grouped by severity, then pillar, with unmet targets said apart by whether the clerk explained them; the
// findings a reviewer returned come first, with the reviewer's comment. Where the host can select cells each finding
// is a real button (Enter and Space work, focus is visible); elsewhere it names the sheet and cell instead. With
// review actions, each finding can be accepted, returned with a comment, or reopened.

const useStyles = makeStyles({
  group: { marginTop: "12px" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  item: {
    display: "block",
    width: "100%",
    // the border and padding inside the 100 %: without it each finding stuck out of a 350 px pane by a pixel
    boxSizing: "border-box",
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
  explanation: { display: "block", marginTop: "4px", fontStyle: "italic" },
  decision: { display: "block", marginTop: "4px", fontWeight: tokens.fontWeightSemibold },
  where: { display: "block", marginTop: "4px", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  pillar: { margin: "8px 0 4px", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  controls: { display: "flex", flexWrap: "wrap", gap: "4px", marginTop: "4px" },
  returned: { padding: "8px", borderRadius: tokens.borderRadiusMedium, border: `2px solid ${tokens.colorPaletteDarkOrangeBorderActive}` },
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

/** Unmet targets and malformed figures; a figure not yet entered is asked for by returning the whole report. */
const NEEDS_DECISION: ReadonlySet<string> = new Set(["below", "off-track", "invalid"]);

const BADGE: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

export interface FindingsListProps {
  findings: readonly LocatedFinding[];
  catalog: Catalog;
  /** Absent when the host cannot select cells. */
  onSelect?: (finding: LocatedFinding) => void;
  /** A reviewer's decisions on each finding (absent: the list only shows them). */
  review?: ReviewActions;
  busy?: boolean;
}

/** Accept, return with a comment, or reopen one finding. */
function DecisionControls({ finding, review, busy }: { finding: LocatedFinding; review: ReviewActions; busy: boolean }) {
  const styles = useStyles();
  const { t } = useLang();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState("");
  const code = finding.indicator;
  return (
    <div role="group" aria-label={t("review.decisionFor", { code })} data-testid="decision-controls">
      <div className={styles.controls}>
        <Button size="small" disabled={busy || finding.decision?.kind === "accepted"} onClick={() => review.onFinding(code, { kind: "accepted", comment: "" })}>
          {t("review.accept")}
        </Button>
        <Button size="small" disabled={busy} onClick={() => setReturning(true)}>
          {t("review.requestMore")}
        </Button>
        {finding.decision && (
          <Button size="small" appearance="subtle" disabled={busy} onClick={() => review.onFinding(code, null)}>
            {t("review.reopen")}
          </Button>
        )}
      </div>
      {returning && (
        <div>
          <Field label={t("review.comment")}>
            <Textarea value={comment} onChange={(_, d) => setComment(d.value)} data-testid="finding-comment" />
          </Field>
          <div className={styles.controls}>
            <Button
              size="small"
              appearance="primary"
              disabled={busy}
              onClick={() => {
                review.onFinding(code, { kind: "returned", comment });
                // an empty comment is refused (and said); the form stays for it to be written
                if (comment.trim() !== "") {
                  setReturning(false);
                  setComment("");
                }
              }}
            >
              {t("review.record")}
            </Button>
            <Button size="small" onClick={() => setReturning(false)}>
              {t("review.cancel")}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}

export function FindingsList({ findings, catalog, onSelect, review, busy = false }: FindingsListProps) {
  const styles = useStyles();
  const { t, lang } = useLang();
  const groups = reviewGroups(findings, catalog);
  const returned = returnedFindings(findings);

  const body = (f: LocatedFinding) => {
    const ind = findIndicator(catalog, f.indicator);
    const kind = shortfallKind(f);
    const reopened = reopenedMessage(f);
    return (
      <>
        <span className={styles.line}>
          <span className={styles.code}>{f.indicator}</span> {ind?.label[lang] ?? ""}{" "}
          <Badge appearance="tint" color={BADGE[f.severity]} size="small" data-testid="finding-status">
            {kind ? t(`status.shortfall.${kind}`, { status: t(`status.${f.status}`) }) : t(`status.${f.status}`)}
          </Badge>
        </span>
        <span className={styles.line}>{formatMessage(f.message, lang)}</span>
        {f.history && <Sparkline history={f.history} unit={percentLike(ind) ? "%" : ""} />}
        {f.details.length > 0 && <span className={styles.details}>{f.details.map((d) => formatMessage(d, lang)).join(" ")}</span>}
        {f.explanation !== null && (
          <span className={styles.explanation} data-testid="finding-explanation">
            {formatMessage({ key: "review.explanation", params: { text: f.explanation } }, lang)}
          </span>
        )}
        {f.decision && (
          <span className={styles.decision} data-testid="finding-decision">
            {formatMessage(decisionMessage(f.decision, DECISION_TERM), lang)}
          </span>
        )}
        {reopened && (
          <span className={styles.decision} data-testid="finding-reopened">
            {formatMessage(reopened, lang)}
          </span>
        )}
        {f.sheet && f.cell && <span className={styles.where}>{t("findings.where", { sheet: f.sheet, cell: f.cell })}</span>}
      </>
    );
  };

  const item = (f: LocatedFinding, key: string) => {
    const cls = `${styles.item} ${styles[f.severity]}`;
    // a decision is for what needs attention (or was decided already): a met figure gets none
    const decidable = f.decision !== null || f.reopened !== null || NEEDS_DECISION.has(f.status);
    const controls = review && decidable && <DecisionControls finding={f} review={review} busy={busy} />;
    const data = { "data-indicator": f.indicator, "data-shortfall": shortfallKind(f) ?? "" };
    if (onSelect && f.sheet && f.cell) {
      const { sheet, cell } = f;
      return (
        <li key={key}>
          <button type="button" className={`${cls} ${styles.button}`} data-testid="finding" {...data} title={t("findings.goTo", { sheet, cell })} onClick={() => onSelect(f)}>
            {body(f)}
          </button>
          {controls}
        </li>
      );
    }
    if (!controls) {
      return (
        <li key={key} className={cls} data-testid="finding" {...data}>
          {body(f)}
        </li>
      );
    }
    return (
      <li key={key}>
        <div className={cls} data-testid="finding" {...data}>
          {body(f)}
        </div>
        {controls}
      </li>
    );
  };

  const groupTitle = (key: ReviewGroupKey) =>
    key === "explained" || key === "unexplained" ? formatMessage({ key: SHORTFALL_TERM[key], params: {} }, lang) : t(`findings.severity.${key}`);

  return (
    <section aria-labelledby="findings-heading">
      <Subtitle2 as="h2" id="findings-heading" block>
        {t("findings.heading")}
      </Subtitle2>
      {returned.length > 0 && (
        <section className={`${styles.group} ${styles.returned}`} aria-labelledby="returned-heading" data-testid="returned-findings">
          <Subtitle2 as="h3" id="returned-heading" block>
            {t("review.returnedHeading", { count: returned.length })}
          </Subtitle2>
          <Text as="p" block size={200}>
            {t("review.returnedIntro")}
          </Text>
          <ul className={styles.list}>{returned.map((f, i) => item(f, `returned-${f.indicator}-${i}`))}</ul>
        </section>
      )}
      {groups.length === 0 && <Text as="p">{t("findings.none")}</Text>}
      {groups.map((g) => {
        const title = (
          <Subtitle2 as="h3" id={`sev-${g.key}`} block>
            {groupTitle(g.key)} ({g.count})
          </Subtitle2>
        );
        const pillars = g.pillars.map((p) => (
          <div key={p.pillar}>
            <h4 className={styles.pillar}>{pillarHeading(catalog, p.pillar).heading[lang]}</h4>
            <ul className={styles.list}>{p.findings.map((f, i) => item(f, `${f.indicator}-${i}`))}</ul>
          </div>
        ));
        // a long list of figures still to enter would bury the errors and shortfalls: folded, one click away
        const fold = g.key === "info" && g.count > FOLD_INFO_OVER;
        return (
          <section key={g.key} className={styles.group} aria-labelledby={`sev-${g.key}`} data-testid={`severity-${g.key}`}>
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
