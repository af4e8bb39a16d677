import { makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { pillarHeading, type Catalog } from "../../core/catalog";
import type { CheckReport } from "../../core/check";
import { useLang } from "../i18n";
import { headline } from "../report-view";

// Headline counts (met / not met / invalid / missing) and the same counts by pillar.

const useStyles = makeStyles({
  tiles: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(110px, 1fr))", gap: "8px", margin: 0, padding: 0 },
  tile: {
    display: "flex",
    flexDirection: "column",
    padding: "8px 10px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: "4px",
  },
  met: { borderLeftColor: tokens.colorPaletteGreenBorderActive },
  notMet: { borderLeftColor: tokens.colorPaletteDarkOrangeBorderActive },
  invalid: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  missing: { borderLeftColor: tokens.colorNeutralStrokeAccessible },
  number: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { padding: "4px 6px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: "right" },
  head: { padding: "4px 6px", borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, textAlign: "right", fontWeight: tokens.fontWeightSemibold },
  first: { textAlign: "left" },
});

const TILES = ["met", "notMet", "invalid", "missing"] as const;

export function SummaryPanel({ report, catalog }: { report: CheckReport; catalog: Catalog }) {
  const styles = useStyles();
  const { t, lang } = useLang();
  // the "Số liệu sai" tile counts what the findings list calls "Lỗi"; a figure read but to be confirmed (an ambiguous
  // "1.079") is a warning there, so it is said apart rather than counted twice under two names
  const invalidWarnings = report.findings.filter((f) => f.status === "invalid" && f.severity !== "error").length;
  const counted = headline(report.summary);
  const all = { ...counted, invalid: counted.invalid - invalidWarnings };
  const pillars = [...catalog.pillars].sort((a, b) => a.order - b.order).filter((p) => report.summary.byPillar[p.id].total > 0);
  return (
    <section aria-labelledby="summary-heading">
      <Subtitle2 as="h2" id="summary-heading" block>
        {t("summary.heading")}
      </Subtitle2>
      <Text as="p" block>
        {t("summary.total", { count: all.total })}
      </Text>
      <dl className={styles.tiles} data-testid="summary-counts">
        {TILES.map((k) => (
          <div key={k} className={`${styles.tile} ${styles[k]}`} data-testid={`count-${k}`}>
            <dt>{t(`summary.${k}`)}</dt>
            <dd className={styles.number} style={{ margin: 0 }}>
              {all[k]}
            </dd>
          </div>
        ))}
      </dl>
      {report.review.summary.explained + report.review.summary.unexplained > 0 && (
        <Text as="p" block data-testid="shortfall-counts">
          {t("summary.shortfalls", { explained: report.review.summary.explained, unexplained: report.review.summary.unexplained })}
        </Text>
      )}
      {invalidWarnings > 0 && (
        <Text as="p" block data-testid="invalid-warnings">
          {t("summary.invalidWarnings", { count: invalidWarnings })}
        </Text>
      )}
      <table className={styles.table} aria-label={t("summary.byPillar")} style={{ marginTop: 12 }}>
        <thead>
          <tr>
            <th scope="col" className={`${styles.head} ${styles.first}`}>
              {t("summary.pillar")}
            </th>
            {TILES.map((k) => (
              <th key={k} scope="col" className={styles.head}>
                {t(`summary.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pillars.map((p) => {
            const c = headline(report.summary.byPillar[p.id]);
            return (
              <tr key={p.id}>
                <th scope="row" className={`${styles.cell} ${styles.first}`} style={{ fontWeight: "normal" }}>
                  {pillarHeading(catalog, p.id).heading[lang]}
                </th>
                {TILES.map((k) => (
                  <td key={k} className={styles.cell}>
                    {c[k]}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {report.notFound.length > 0 && (
        <Text as="p" block size={200} style={{ marginTop: 8 }}>
          {t("summary.notFound", { codes: report.notFound.join(", ") })}
        </Text>
      )}
      {report.duplicates.length > 0 && (
        <Text as="p" block size={200}>
          {t("summary.duplicates", { codes: report.duplicates.map((d) => `${d.code} (${d.sheet}!${d.row})`).join(", ") })}
        </Text>
      )}
    </section>
  );
}
