import { makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import type { Catalog } from "../../core/catalog";
import type { CheckReport } from "../../core/check";
import { formatNumber } from "../../core/messages";
import { useLang } from "../i18n";
import { gapBars, type GapBar } from "../report-view";

// Shortfall per indicator as plain SVG bars: each bar has a text label, and the whole figure is described for screen readers.

const ROW = 22;
const LABEL_W = 70;
const BAR_W = 150;
const TEXT_X = LABEL_W + BAR_W + 6;
const WIDTH = 340;

const useStyles = makeStyles({
  svg: { width: "100%", maxWidth: `${WIDTH}px`, height: "auto", display: "block" },
  label: { fill: tokens.colorNeutralForeground1, fontSize: "11px" },
  track: { fill: tokens.colorNeutralBackground3 },
  bar: { fill: tokens.colorPaletteDarkOrangeBorderActive },
});

function gapText(bar: GapBar, lang: "vi" | "en", t: ReturnType<typeof useLang>["t"]): string {
  const gap = formatNumber(bar.shortfall, lang);
  return t(bar.unit === "points" ? "chart.points" : bar.unit === "places" ? "chart.places" : "chart.count", { gap });
}

export function GapChart({ report, catalog }: { report: CheckReport; catalog: Catalog }) {
  const styles = useStyles();
  const { t, lang } = useLang();
  const bars = gapBars(report.findings, catalog);
  return (
    <section aria-labelledby="chart-heading">
      <Subtitle2 as="h2" id="chart-heading" block>
        {t("chart.heading")}
      </Subtitle2>
      {bars.length === 0 ? (
        <Text as="p" block>
          {t("chart.none")}
        </Text>
      ) : (
        <svg
          className={styles.svg}
          viewBox={`0 0 ${WIDTH} ${bars.length * ROW + 4}`}
          role="img"
          aria-labelledby="chart-title chart-desc"
          data-testid="gap-chart"
        >
          <title id="chart-title">{t("chart.heading")}</title>
          <desc id="chart-desc">
            {t("chart.description")} {bars.map((b) => `${b.code}: ${gapText(b, lang, t)}`).join("; ")}
          </desc>
          {bars.map((b, i) => {
            const y = i * ROW + 2;
            return (
              <g key={b.code} data-testid="gap-bar">
                <text x={0} y={y + 14} className={styles.label}>
                  {b.code}
                </text>
                <rect x={LABEL_W} y={y + 3} width={BAR_W} height={ROW - 8} rx={2} className={styles.track} />
                <rect x={LABEL_W} y={y + 3} width={Math.max(2, b.fraction * BAR_W)} height={ROW - 8} rx={2} className={styles.bar} />
                <text x={TEXT_X} y={y + 14} className={styles.label}>
                  {gapText(b, lang, t)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </section>
  );
}
