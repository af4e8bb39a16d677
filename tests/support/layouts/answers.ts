import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { ProposedMapping } from "../../../src/core/mapping";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { createFileHost } from "../../../src/hosts/xlsx/file-host";

// The labelled layouts (tests/fixtures/layouts) and how a proposed mapping scores against their answer files.

export const LAYOUT_DIR = join(__dirname, "..", "..", "fixtures", "layouts");

export const answerSchema = z
  .object({
    layout: z.string(),
    file: z.string(),
    group: z.enum(["held-out", "tuning"]),
    description: z.string(),
    level: z.enum(["province", "district", "commune"]),
    year: z.number().int(),
    resavedByLibreOffice: z.boolean(),
    cells: z.array(
      z.object({ indicator: z.string(), part: z.enum(["value", "numerator", "denominator", "target"]), year: z.number().int(), sheet: z.string(), cell: z.string() }).strict(),
    ),
  })
  .strict();
export type Answer = z.infer<typeof answerSchema>;

export interface Layout {
  answer: Answer;
  path: string;
  bytes: Uint8Array;
  snapshot: WorkbookSnapshot;
}

export async function loadLayouts(): Promise<Layout[]> {
  const out: Layout[] = [];
  for (const group of ["held-out", "tuning"]) {
    const dir = join(LAYOUT_DIR, group);
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".answer.json")).sort()) {
      const answer = answerSchema.parse(JSON.parse(readFileSync(join(dir, name), "utf8")));
      const path = join(dir, answer.file);
      const bytes = new Uint8Array(readFileSync(path));
      out.push({ answer, path, bytes, snapshot: await createFileHost(bytes).readSnapshot() });
    }
  }
  return out;
}

export interface LayoutScore {
  /** Cells in the answer file. */
  expected: number;
  /** Cells the mapping proposes (certain or to confirm). */
  proposed: number;
  /** Proposed cells that are in the answer (same indicator, part, year and cell). */
  correct: number;
  /** Cells of certain matches, and how many of them are right. */
  certain: number;
  certainCorrect: number;
  wrongCertain: number;
  /** Proposed cells not in the answer, and answer cells not proposed. */
  wrong: string[];
  missed: string[];
}

const key = (c: { indicator: string; part: string; year: number; sheet: string; cell: string }) => `${c.indicator} ${c.part} ${c.year} ${c.sheet}!${c.cell}`;

export function scoreLayout(layout: Layout, mapping: ProposedMapping): LayoutScore {
  const expected = new Set(layout.answer.cells.map(key));
  const proposed = new Map<string, boolean>();
  for (const e of mapping.entries) {
    if (e.status === "not-reported") continue;
    for (const c of e.cells) proposed.set(key({ indicator: e.indicator, part: c.part, year: c.year, sheet: e.sheet, cell: c.cell }), e.status === "certain");
  }
  let correct = 0;
  let certain = 0;
  let certainCorrect = 0;
  const wrong: string[] = [];
  for (const [k, isCertain] of proposed) {
    const ok = expected.has(k);
    if (ok) correct++;
    else wrong.push(`${k}${isCertain ? " (certain)" : ""}`);
    if (isCertain) {
      certain++;
      if (ok) certainCorrect++;
    }
  }
  const missed = [...expected].filter((k) => !proposed.has(k));
  return { expected: expected.size, proposed: proposed.size, correct, certain, certainCorrect, wrongCertain: certain - certainCorrect, wrong, missed };
}
