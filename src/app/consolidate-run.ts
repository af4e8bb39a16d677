import type { Catalog, Level } from "../core/catalog";
import type { ConsolidationReport, HistoryItem, Period, Submission } from "../core/consolidate";
import type { Lang } from "../core/messages";
import type { UnitRegistry } from "../core/units";
import type { SheetsToWrite } from "../hosts/host";
import { readFileBytes } from "./file-bytes";

// Consolidation in a page (browser mode, task pane): each dropped or picked file is read, summarised and dropped
// before the next one, so a folder of hundreds of workbooks never sits in memory at once; the page stays responsive
// between files. The page gives the file reader (the xlsx host), which the shared UI may not import.

export interface NamedFile {
  /** The path inside a dropped or picked folder, else the file name. */
  name: string;
  blob: Blob;
}

/** One unit's file → what the roll-up needs of it; never throws for a bad file (the reason is in the submission). */
export type SubmissionReader = (name: string, bytes: Uint8Array) => Promise<Submission>;

/** One earlier year's file (a unit's report or one of our consolidated workbooks) → what the history needs of it. */
export type HistoryReader = (name: string, bytes: Uint8Array) => Promise<HistoryItem>;

/** What a page that consolidates gives the shared UI: the reader, and (the pane) the report as sheets to write. */
export interface ConsolidationIo {
  read: SubmissionReader;
  sheets: (report: ConsolidationReport, lang: Lang) => Promise<SheetsToWrite>;
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;

/** The workbooks among what was dropped or picked (Excel's "~$" lock files are not reports). */
export function workbooksOf(files: readonly NamedFile[]): NamedFile[] {
  return files.filter((f) => WORKBOOK.test(f.name) && !/(^|\/)~\$/.test(f.name));
}

/**
 * The provincial report from the units' files; with `history` (earlier years' unit workbooks or consolidated
 * workbooks, read by `readHistory`), each indicator and unit also gets its series, pace and projected year, as
 * `chitieu consolidate --history`.
 */
export async function consolidateFiles(
  files: readonly NamedFile[],
  opts: { catalog: Catalog; registry: UnitRegistry; period: Period; level?: Level; history?: { files: readonly NamedFile[]; read: HistoryReader } },
  read: SubmissionReader,
  onProgress: (done: number, total: number, last: Submission | null) => void,
): Promise<ConsolidationReport> {
  const { Consolidator, earlierYears, periodLabel, withHistory } = await import(/* webpackChunkName: "consolidate" */ "../core/consolidate");
  const c = new Consolidator({ catalog: opts.catalog, registry: opts.registry, period: opts.period, ...(opts.level ? { level: opts.level } : {}) });
  const history = opts.history?.files ?? [];
  const total = files.length + history.length;
  let done = 0;
  // give the page a frame to draw the progress
  const frame = () => new Promise((r) => setTimeout(r, 0));
  onProgress(0, total, null);
  for (const f of files) {
    const s = await read(f.name, await readFileBytes(f.blob));
    c.add(s);
    onProgress(++done, total, s);
    await frame();
  }
  const report = c.finish();
  if (!opts.history) return report;
  const items: HistoryItem[] = [];
  for (const f of history) {
    items.push(await opts.history.read(f.name, await readFileBytes(f.blob)));
    onProgress(++done, total, null);
    await frame();
  }
  const earlier = earlierYears(items, { catalog: opts.catalog, registry: opts.registry, year: opts.period.year, period: periodLabel(opts.period) });
  return withHistory(report, earlier.earlier, { catalog: opts.catalog, registry: opts.registry, unused: earlier.unused });
}

/** Every file inside dropped folders (and the dropped files themselves), with their paths. */
export async function filesFromDrop(items: DataTransferItemList | null, fallback: FileList | null): Promise<NamedFile[]> {
  const entries = items ? [...items].map((i) => (typeof i.webkitGetAsEntry === "function" ? i.webkitGetAsEntry() : null)) : [];
  if (entries.length === 0 || entries.some((e) => e === null)) return [...(fallback ?? [])].map((f) => ({ name: f.name, blob: f }));
  const out: NamedFile[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ name: prefix + entry.name, blob: file });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries hands out a batch at a time until it returns none
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const e of batch) await walk(e, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const e of entries) await walk(e!, "");
  return out;
}
