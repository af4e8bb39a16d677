// What the pane's consolidation needs from the file host: each unit's file read into what the roll-up needs (the same
// reader the browser mode and the CLI use), and the consolidated report as sheets to write into the open workbook
// (the same sheets the .xlsx writer makes). Loaded on first use, so opening the pane does not load the file reader.

import type { Catalog } from "../core/catalog";
import type { ConsolidationReport } from "../core/consolidate";
import { formatMessage, type Lang } from "../core/messages";
import type { UnitRegistry } from "../core/units";
import type { SheetCell, SheetsToWrite } from "../hosts/host";
import type { ConsolidationIo } from "../app/consolidate-run";

type Sheets = ReturnType<typeof import("../hosts/xlsx/consolidated").consolidatedSheets>;

/** The unit rows of the scorecard, by the "weak" column: the weakest units painted as "below" (a rule from 1.6). */
function weakestUnitsRule(book: Sheets, lang: Lang): NonNullable<SheetsToWrite["rules"]>[number] | null {
  const sheet = book.sheets.find((s) => s.name === book.names.scorecard);
  if (!sheet) return null;
  const weakHeader = formatMessage({ key: "consolidate.book.col.weak", params: {} }, lang);
  let col = -1;
  const counts: { row: number; n: number }[] = [];
  let r = 0;
  for (const row of sheet.spec().rows) {
    if (col < 0) col = row.findIndex((c) => c?.v === weakHeader);
    else {
      const v = (row[col] as SheetCell | null | undefined)?.v;
      if (typeof v === "number") counts.push({ row: r, n: v });
      else if (counts.length > 0) break;
    }
    r++;
  }
  if (col < 0 || counts.length === 0) return null;
  const letter = String.fromCharCode(65 + col);
  const first = counts[0]!.row + 1;
  const last = counts[counts.length - 1]!.row + 1;
  const max = Math.max(...counts.map((c) => c.n));
  return {
    sheet: sheet.name,
    range: `${letter}${first}:${letter}${last}`,
    formula: `=AND($${letter}${first}>0,$${letter}${first}=MAX($${letter}$${first}:$${letter}$${last}))`,
    fill: "FFC7CE",
    font: "9C0006",
    cells: max > 0 ? counts.filter((c) => c.n === max).map((c) => `${letter}${c.row + 1}`) : [],
  };
}

export function paneConsolidation(catalog: Catalog, registry: UnitRegistry): ConsolidationIo {
  return {
    read: async (name, bytes) => {
      const { submissionFromBytes } = await import(/* webpackChunkName: "consolidate" */ "../hosts/xlsx/consolidate-file");
      return submissionFromBytes(name, bytes, catalog, registry);
    },
    sheets: async (report: ConsolidationReport, lang: Lang): Promise<SheetsToWrite> => {
      const { consolidatedSheets, consolidatedStyles } = await import(/* webpackChunkName: "consolidate" */ "../hosts/xlsx/consolidated");
      const book = consolidatedSheets(report, { catalog, lang });
      const rule = weakestUnitsRule(book, lang);
      const c = book.chart;
      return {
        styles: consolidatedStyles(),
        sheets: book.sheets.map((s) => ({ name: s.name, spec: s.spec })),
        chart: c
          ? {
              sheet: c.sheet,
              range: `A1:C${c.categories.length + 1}`,
              title: formatMessage({ key: "consolidate.book.chart.title", params: {} }, lang),
              at: { start: "E2", end: `P${Math.max(24, c.categories.length + 6)}` },
            }
          : null,
        rules: rule ? [rule] : [],
      };
    },
  };
}
