import type { Catalog, Level } from "../core/catalog";
import type { ConsolidationReport, Period } from "../core/consolidate";
import type { UnitRegistry } from "../core/units";
import { readFileBytes } from "./download";

// Consolidation in the page: each dropped file is read, summarised and dropped before the next one, so a folder of
// hundreds of workbooks never sits in memory at once; the page stays responsive between files.

export interface NamedFile {
  /** The path inside a dropped or picked folder, else the file name. */
  name: string;
  blob: Blob;
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;

/** The workbooks among what was dropped or picked (Excel's "~$" lock files are not reports). */
export function workbooksOf(files: readonly NamedFile[]): NamedFile[] {
  return files.filter((f) => WORKBOOK.test(f.name) && !/(^|\/)~\$/.test(f.name));
}

/**
 * The provincial report from the units' files; with `history` (earlier years' unit workbooks or consolidated
 * workbooks), each indicator and unit also gets its series, pace and projected year, as `chitieu consolidate --history`.
 */
export async function consolidateFiles(
  files: readonly NamedFile[],
  opts: { catalog: Catalog; registry: UnitRegistry; period: Period; level?: Level; history?: readonly NamedFile[] },
  onProgress: (done: number, total: number) => void,
): Promise<ConsolidationReport> {
  const [{ Consolidator, earlierYears, periodLabel, withHistory }, { submissionFromBytes }, { historyItemFromBytes }] = await Promise.all([
    import(/* webpackChunkName: "consolidate" */ "../core/consolidate"),
    import(/* webpackChunkName: "consolidate" */ "../hosts/xlsx/consolidate-file"),
    import(/* webpackChunkName: "consolidate" */ "../hosts/xlsx/consolidate-history-file"),
  ]);
  const c = new Consolidator({ catalog: opts.catalog, registry: opts.registry, period: opts.period, ...(opts.level ? { level: opts.level } : {}) });
  const history = opts.history ?? [];
  const total = files.length + history.length;
  let done = 0;
  onProgress(0, total);
  // give the page a frame to draw the progress
  const tick = async () => {
    onProgress(++done, total);
    await new Promise((r) => setTimeout(r, 0));
  };
  for (const f of files) {
    c.add(submissionFromBytes(f.name, await readFileBytes(f.blob), opts.catalog, opts.registry));
    await tick();
  }
  const report = c.finish();
  if (!opts.history) return report;
  const items = [];
  for (const f of history) {
    items.push(historyItemFromBytes(f.name, await readFileBytes(f.blob), opts.catalog, opts.registry));
    await tick();
  }
  const read = earlierYears(items, { catalog: opts.catalog, registry: opts.registry, year: opts.period.year, period: periodLabel(opts.period) });
  return withHistory(report, read.earlier, { catalog: opts.catalog, registry: opts.registry, unused: read.unused });
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
