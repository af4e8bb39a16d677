import { makeStyles, tokens } from "@fluentui/react-components";
import type { FindingHistory } from "../../core/history/describe";
import { formatNumber } from "../../core/messages";
import { useLang } from "../i18n";
import { sparkline } from "../report-view";

// A finding's own series as a small line (earlier years, then this year's figure as a dot) beside the target in its
// year as a dashed level. Classes and SVG geometry only: the pages' CSP refuses inline style attributes.

const useStyles = makeStyles({
  svg: { display: "inline-block", verticalAlign: "middle", marginRight: "6px", width: "96px", height: "28px" },
  line: { fill: "none", stroke: tokens.colorBrandForeground1, strokeWidth: "1.5" },
  dot: { fill: tokens.colorBrandForeground1 },
  target: { fill: "none", stroke: tokens.colorNeutralStrokeAccessible, strokeWidth: "1", strokeDasharray: "3 2" },
});

export function Sparkline({ history, unit }: { history: FindingHistory; unit: "%" | "" }) {
  const styles = useStyles();
  const { t, lang } = useLang();
  const shape = sparkline(history);
  if (shape === null) return null;
  const points = [...history.series, ...(history.current ? [history.current] : [])];
  const said = points.map((p) => t("history.spark.point", { year: p.year, value: `${formatNumber(Math.round(p.value * 100) / 100, lang)}${unit}` })).join("; ");
  return (
    <svg className={styles.svg} viewBox={`0 0 ${shape.width} ${shape.height}`} role="img" aria-label={t("history.spark.label", { points: said })} data-testid="sparkline">
      {shape.target && <line x1={0} x2={shape.width} y1={shape.target} y2={shape.target} className={styles.target} data-testid="sparkline-target" />}
      <polyline points={shape.points.map((p) => `${p.x},${p.y}`).join(" ")} className={styles.line} />
      {shape.current && <circle cx={shape.current.x} cy={shape.current.y} r={2.5} className={styles.dot} />}
    </svg>
  );
}
