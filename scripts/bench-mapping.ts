// Accuracy and speed of the automatic mapping of offices' own layouts (issue 12). Run: npm run bench:mapping
// Precision and recall per layout and overall, the held-out group (never tuned on) apart from the tuning group,
// against the answer files in tests/fixtures/layouts; then the time to map a workbook with a 10,000 × 30 data sheet
// beside the indicator table, at two sizes, to show the cost grows linearly.

import { performance } from "node:perf_hooks";
import { defaultCatalog } from "../src/core/catalog";
import { proposeMapping } from "../src/core/mapping";
import type { RawValue, SheetSnapshot, WorkbookSnapshot } from "../src/core/snapshot";
import { loadLayouts, scoreLayout, type LayoutScore } from "../tests/support/layouts/answers";

const catalog = defaultCatalog();

function pct(x: number): string {
  return Number.isNaN(x) ? "  -  " : x.toFixed(3);
}

function line(name: string, s: Pick<LayoutScore, "expected" | "proposed" | "correct" | "certain" | "certainCorrect" | "wrongCertain">): string {
  const precision = s.certain === 0 ? NaN : s.certainCorrect / s.certain;
  const recall = s.expected === 0 ? NaN : s.certainCorrect / s.expected;
  const recallAll = s.expected === 0 ? NaN : s.correct / s.expected;
  return `${name.padEnd(36)} ${String(s.expected).padStart(5)} ${String(s.certain).padStart(7)} ${pct(precision).padStart(9)} ${pct(recall).padStart(7)} ${pct(recallAll).padStart(9)} ${String(s.wrongCertain).padStart(7)}`;
}

function sum(scores: LayoutScore[]) {
  const total = { expected: 0, proposed: 0, correct: 0, certain: 0, certainCorrect: 0, wrongCertain: 0 };
  for (const s of scores) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += s[k];
  return total;
}

async function accuracy(): Promise<void> {
  const layouts = await loadLayouts();
  console.log(`${"layout".padEnd(36)} cells certain precision  recall recall+cx wrong!   level  year (guessed from the sheet)`);
  for (const group of ["held-out", "tuning"] as const) {
    const scores: LayoutScore[] = [];
    for (const l of layouts.filter((x) => x.answer.group === group)) {
      // the report year as the user gives it (--year, the pane's year field); the guesses from the sheet are shown apart
      const mapping = proposeMapping(l.snapshot, { catalog, year: l.answer.year });
      const s = scoreLayout(l, mapping);
      scores.push(s);
      const guess = (g: { value: unknown } | null, truth: unknown) => (g === null ? "-" : g.value === truth ? "ok" : `WRONG ${String(g.value)}`);
      console.log(`${line(l.answer.layout, s)}   ${guess(mapping.level, l.answer.level).padEnd(6)} ${guess(mapping.year, l.answer.year)}`);
    }
    console.log(line(`= ${group}`, sum(scores)));
    console.log("");
  }
  console.log("precision and recall count cells of certain matches (judged without asking); recall+cx also counts");
  console.log("matches shown as \"cần xác nhận\"; wrong! = wrong cells in certain matches (goal 0). level/year: what the");
  console.log("titles say (ok, WRONG, or - when the sheet does not say; then the user gives it).");
}

function bigWorkbook(rows: number): WorkbookSnapshot {
  const cols = 30;
  const values: RawValue[][] = [];
  // a register with headers that look like figure columns ("Số lượng", "Thực hiện"), 8 columns of distinct text
  const header = (c: number) => (c === 0 ? "STT" : c === 1 ? "Họ và tên" : c === 2 ? "Địa chỉ" : c === 9 ? "Số lượng" : c === 10 ? "Thực hiện" : `Cột ${c}`);
  values.push(Array.from({ length: cols }, (_, c) => header(c)));
  for (let r = 1; r < rows; r++) {
    values.push(Array.from({ length: cols }, (_, c) => (c === 0 ? r : c < 9 ? `${c % 2 === 0 ? "Thôn" : "Số nhà"} ${r} tổ ${c} xã ${r % 17}` : (r * 31 + c * 7) % 1000)));
  }
  const data: SheetSnapshot = { name: "Dữ liệu", top: 0, left: 0, values, formats: values.map((r) => r.map(() => "General")) };
  const table: RawValue[][] = [
    ["STT", "Chỉ tiêu", "Tử số", "Mẫu số", "Tỷ lệ (%)"],
    [1, "Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng", 850, 1000, 85],
    [2, "CBCCVC được tập huấn kỹ năng số cơ bản", 90, 100, 90],
    [3, "Hộ gia đình có Internet băng rộng cáp quang", 700, 1000, 70],
  ];
  const ind: SheetSnapshot = { name: "Chỉ tiêu", top: 0, left: 0, values: table, formats: table.map((r) => r.map(() => "General")) };
  return { sheets: [data, ind], metadata: null };
}

function timing(): void {
  console.log("\nTime to map a workbook with a data sheet of N × 30 cells beside the indicator table (median of 7):");
  proposeMapping(bigWorkbook(2_000), { catalog, year: 2025 }); // warm up the JIT
  for (const rows of [10_000, 20_000]) {
    const wb = bigWorkbook(rows);
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      found = proposeMapping(wb, { catalog, year: 2025 }).entries.length;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const ms = times[3]!;
    console.log(`  ${String(rows).padStart(6)} × 30 = ${String(rows * 30).padStart(7)} cells: ${ms.toFixed(1).padStart(7)} ms (${(ms * 1000 / (rows * 30)).toFixed(2)} µs/cell), ${found} indicators found`);
  }
}

void accuracy().then(timing);
