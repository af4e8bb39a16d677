// The ribbon commands run without the pane and Excel gives them no place to speak: their last result is kept here
// (localStorage, shared by the pane and the command page of the same add-in) and the pane shows it when opened.

export interface CommandResult {
  command: "insertTemplate" | "check" | "clear";
  ok: boolean;
  vi: string;
  en: string;
  /** ISO time. */
  at: string;
}

const KEY = "chitieu.lastCommand";

export function recordCommandResult(result: Omit<CommandResult, "at">, now: Date = new Date()): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify({ ...result, at: now.toISOString() }));
  } catch (e) {
    console.error("Không lưu được kết quả lệnh / could not store the command result", e);
  }
}

/** The last result if it is recent (default: 10 minutes), so an old message does not greet the user days later. */
export function takeRecentCommandResult(now: Date = new Date(), maxAgeMs = 10 * 60 * 1000): CommandResult | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return null;
    globalThis.localStorage.removeItem(KEY);
    const r = JSON.parse(raw) as CommandResult;
    const age = now.getTime() - Date.parse(r.at);
    return typeof r.vi === "string" && typeof r.en === "string" && age >= 0 && age <= maxAgeMs ? r : null;
  } catch {
    return null; // unreadable entry: nothing to show
  }
}
