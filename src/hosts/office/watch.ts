// Re-check after edits: worksheet.onChanged (ExcelApi 1.7) on the template sheet, debounced so typing a column of
// figures triggers one check, not one per cell.

import type { OfficeHost } from "./index";

export interface WatchOptions {
  /** Quiet time after the last edit before onChange runs (default 800 ms). */
  delayMs?: number;
}

/** Returns an unsubscribe, or null when this Excel has no change events (capabilities().changeEvents is false). */
export async function watchChanges(host: OfficeHost, onChange: () => void, options: WatchOptions = {}): Promise<(() => Promise<void>) | null> {
  const delay = options.delayMs ?? 800;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const unsubscribe = await host.onSheetsChanged(() => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!stopped) onChange();
    }, delay);
  });
  if (!unsubscribe) return null;
  return async () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    await unsubscribe();
  };
}
