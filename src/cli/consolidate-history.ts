import type { Catalog } from "../core/catalog";
import { earlierYears, type EarlierYear, type HistoryInfo, type HistoryItem, type Submission } from "../core/consolidate";
import type { UnitRegistry } from "../core/units";
import { consolidatedOr } from "../hosts/xlsx/consolidate-history-file";
import { readSubmissions, type FileTask } from "./consolidate-pool";
import { readOrReason } from "./consolidate-read";

// `chitieu consolidate --history <folder>`: the earlier years' files, read by the same worker pool as the year's
// own files. A file in which no unit is recognised is tried, on this thread, as an earlier consolidated workbook of
// ours (few such files, so reading it twice costs little). No file here ever stops the consolidation.

export interface HistoryRead {
  earlier: EarlierYear[];
  unused: HistoryInfo["unused"];
}

export async function readHistory(
  files: readonly string[],
  opts: { catalog: Catalog; registry: UnitRegistry; workers?: number; year: number; period: string },
  tick: (done: number, file: string) => void,
): Promise<HistoryRead> {
  const tasks: FileTask[] = files.map((path, index) => ({ index, path, name: path }));
  const results: (Submission | undefined)[] = new Array(files.length);
  let done = 0;
  await readSubmissions(tasks, { catalog: opts.catalog, registry: opts.registry, ...(opts.workers !== undefined ? { workers: opts.workers } : {}) }, (index, s) => {
    results[index] = s;
    tick(++done, files[index]!);
  });
  const items: HistoryItem[] = [];
  for (let i = 0; i < results.length; i++) {
    const s = results[i]!;
    if (s.kind !== "unidentified") {
      items.push(s);
      continue;
    }
    const read = readOrReason(tasks[i]!);
    items.push("bytes" in read ? consolidatedOr(s, read.bytes) : read.submission);
  }
  return earlierYears(items, opts);
}
