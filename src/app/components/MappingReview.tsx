import { Badge, Button, Field, Input, makeStyles, Subtitle1, Subtitle2, Text } from "@fluentui/react-components";
import { useState } from "react";
import { tryParseCell } from "../../core/a1";
import { findIndicator, type Catalog } from "../../core/catalog";
import type { CheckReport } from "../../core/check";
import { toSavedMapping, type MappingEntry, type SavedMapping } from "../../core/mapping";
import { formatMessage } from "../../core/messages";
import { useLang } from "../i18n";

// Before the first check of an office's own layout: the proposed mapping (matched, to confirm, not found). The user
// confirms a doubtful row, marks an indicator as not reported, types the cell of one that was not found, or accepts
// all; the result is one saved mapping, kept in the workbook by the page.

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", flexDirection: "column", gap: "4px" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
});

type Decision = "confirmed" | "not-reported";

/** An office's own layout detected now, with a row matched by wording or still in doubt: the user reviews it first. */
export function needsMappingReview(report: CheckReport | null): boolean {
  const m = report?.mapping;
  if (!m || m.source !== "detected") return false;
  return m.toConfirm.length > 0 || m.entries.some((e) => !e.reasons.some((r) => r.key === "mapping.reason.code"));
}

export interface MappingReviewProps {
  report: CheckReport;
  catalog: Catalog;
  busy: boolean;
  onSave: (saved: SavedMapping) => void;
  /** The cell selected in the grid (Excel), or null when it could not be read (the page says why); absent where there is no grid. */
  onPickSelection?: () => Promise<{ sheet: string; cell: string } | null>;
}

/** "Báo cáo!E12" or "E12" (on the table's sheet) → sheet and cell, or null. */
function parsePicked(text: string, defaultSheet: string): { sheet: string; cell: string } | null {
  const trimmed = text.trim();
  const bang = trimmed.lastIndexOf("!");
  const sheet = bang >= 0 ? trimmed.slice(0, bang).replace(/^'(.*)'$/, "$1") : defaultSheet;
  const ref = (bang >= 0 ? trimmed.slice(bang + 1) : trimmed).replace(/\$/g, "").toUpperCase();
  return sheet && tryParseCell(ref) ? { sheet, cell: ref } : null;
}

export function MappingReview({ report, catalog, busy, onSave, onPickSelection }: MappingReviewProps) {
  const styles = useStyles();
  const { t, lang } = useLang();
  const mapping = report.mapping!;
  const [decisions, setDecisions] = useState<Map<string, Decision>>(new Map());
  const [typed, setTyped] = useState<Map<string, string>>(new Map());
  const [picked, setPicked] = useState<Map<string, { sheet: string; cell: string }>>(new Map());
  const [bad, setBad] = useState<Map<string, string>>(new Map());
  const decide = (code: string, d: Decision) => setDecisions(new Map(decisions).set(code, d));
  const defaultSheet = mapping.entries[0]?.sheet ?? "";
  const example = `${defaultSheet}!E12`;
  const matched = mapping.entries.filter((e) => e.status === "certain");
  const toConfirm = mapping.entries.filter((e) => e.status === "confirm");

  const label = (code: string) => findIndicator(catalog, code)?.label[lang] ?? code;
  const cells = (e: MappingEntry) => e.cells.map((c) => `${e.sheet}!${c.cell} (${c.year})`).join(", ");
  const badge = (d: Decision | undefined) => d && <Badge appearance="tint" color={d === "confirmed" ? "success" : "informative"}>{t(d === "confirmed" ? "mapping.confirmed" : "mapping.notReported")}</Badge>;

  const pickedText = (code: string) => {
    const p = picked.get(code);
    return p && <Text> · {t("mapping.pickedCell", { cell: `${p.sheet}!${p.cell}` })}</Text>;
  };
  /** Excel: the cell the user selected becomes the indicator's figure cell. */
  const pickSelection = async (code: string) => {
    const p = await onPickSelection?.();
    if (!p) return;
    setPicked(new Map(picked).set(code, p));
    setTyped(new Map(typed).set(code, `${p.sheet}!${p.cell}`));
    const nextBad = new Map(bad);
    nextBad.delete(code);
    setBad(nextBad);
  };
  const pickButton = (code: string) =>
    onPickSelection && (
      <Button size="small" disabled={busy} onClick={() => void pickSelection(code)} data-testid="mapping-pick-selection">
        {t("mapping.useSelected")}
      </Button>
    );

  const save = (acceptAll: boolean) => {
    const entries: MappingEntry[] = [];
    const pickedCells = (p: { cell: string }): MappingEntry["cells"] => [{ part: "value", year: report.context.year, cell: p.cell }];
    for (const e of mapping.entries) {
      const d = decisions.get(e.indicator);
      const p = picked.get(e.indicator);
      if (d === "not-reported") entries.push({ ...e, status: "not-reported", cells: [] });
      else if (p) entries.push({ ...e, sheet: p.sheet, status: "certain", cells: pickedCells(p) });
      else if (e.status === "certain" || d === "confirmed" || acceptAll) entries.push({ ...e, status: "certain" });
    }
    for (const code of report.notFound) {
      const p = picked.get(code);
      const d = decisions.get(code);
      if (d === "not-reported") entries.push({ indicator: code, sheet: defaultSheet, labelCell: null, label: label(code), confidence: 1, status: "not-reported", reasons: [], cells: [] });
      else if (p) entries.push({ indicator: code, sheet: p.sheet, labelCell: null, label: label(code), confidence: 1, status: "certain", reasons: [], cells: pickedCells(p) });
    }
    onSave(toSavedMapping(entries, catalog.id, { level: report.context.level, year: report.context.year, unit: report.context.unitCode }));
  };

  const entryItem = (e: MappingEntry, doubtful: boolean) => (
    <li key={e.indicator} className={styles.row} data-testid="mapping-entry" data-indicator={e.indicator}>
      <Text>
        <Text weight="semibold">{e.indicator}</Text> {label(e.indicator)} {badge(decisions.get(e.indicator))}
        {pickedText(e.indicator)}
      </Text>
      <Text size={200}>
        “{e.label}” → {cells(e)} · {t("mapping.confidence", { value: e.confidence })} · {e.reasons.map((r) => formatMessage(r, lang)).join("; ")}
      </Text>
      <div className={styles.actions}>
        {doubtful && (
          <Button size="small" disabled={busy} onClick={() => decide(e.indicator, "confirmed")}>
            {t("mapping.confirm")}
          </Button>
        )}
        {pickButton(e.indicator)}
        <Button size="small" disabled={busy} onClick={() => decide(e.indicator, "not-reported")}>
          {t("mapping.markedNotReported")}
        </Button>
      </div>
    </li>
  );

  return (
    <section className={styles.root} aria-labelledby="mapping-heading" data-testid="mapping-review">
      <Subtitle1 as="h2" id="mapping-heading">
        {t("mapping.heading")}
      </Subtitle1>
      <Text as="p" block>
        {t("mapping.intro")}
      </Text>
      {toConfirm.length > 0 && (
        <section data-testid="mapping-to-confirm">
          <Subtitle2 as="h3">{t("mapping.toConfirm", { count: toConfirm.length })}</Subtitle2>
          <ul className={styles.list}>{toConfirm.map((e) => entryItem(e, true))}</ul>
        </section>
      )}
      <section data-testid="mapping-matched">
        <Subtitle2 as="h3">{t("mapping.matched", { count: matched.length })}</Subtitle2>
        <ul className={styles.list}>{matched.map((e) => entryItem(e, false))}</ul>
      </section>
      {report.notFound.length > 0 && (
        <section data-testid="mapping-not-found">
          <Subtitle2 as="h3">{t("mapping.notFound", { count: report.notFound.length })}</Subtitle2>
          <ul className={styles.list}>
            {report.notFound.map((code) => (
              <li key={code} className={styles.row} data-testid="mapping-missing" data-indicator={code}>
                <Text>
                  <Text weight="semibold">{code}</Text> {label(code)} {badge(decisions.get(code))}
                  {pickedText(code)}
                </Text>
                <div className={styles.actions}>
                  <Field label={t("mapping.cellLabel", { code, example })} validationMessage={bad.get(code)}>
                    <Input size="small" value={typed.get(code) ?? ""} onChange={(_, d) => setTyped(new Map(typed).set(code, d.value))} />
                  </Field>
                  <Button
                    size="small"
                    disabled={busy}
                    onClick={() => {
                      const text = typed.get(code) ?? "";
                      const p = parsePicked(text, defaultSheet);
                      const nextBad = new Map(bad);
                      if (p) {
                        setPicked(new Map(picked).set(code, p));
                        nextBad.delete(code);
                      } else nextBad.set(code, t("mapping.badCell", { text, example }));
                      setBad(nextBad);
                    }}
                  >
                    {t("mapping.useCell")}
                  </Button>
                  {pickButton(code)}
                  <Button size="small" disabled={busy} onClick={() => decide(code, "not-reported")}>
                    {t("mapping.markedNotReported")}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => save(true)} data-testid="mapping-accept-all">
          {t("mapping.acceptAll")}
        </Button>
        <Button disabled={busy} onClick={() => save(false)} data-testid="mapping-save">
          {t("mapping.save")}
        </Button>
      </div>
    </section>
  );
}
