import type { ChoiceStore } from "../app/choice";
import { officeThemeIsDark } from "../app/theme";

// The few Office.js facts the pane needs besides the host: the theme and the document's settings.

export function officeDark(): boolean {
  try {
    return officeThemeIsDark(Office.context.officeTheme as { bodyBackgroundColor?: string } | undefined);
  } catch {
    return false; // older Office builds have no officeTheme: the light theme is their look too
  }
}

/** The workbook's own add-in settings (travel with the file), when this Office has them. */
export function documentSettingsStore(): ChoiceStore | null {
  if (typeof Office === "undefined" || !Office.context) return null;
  const settings = (Office.context as { document?: { settings?: Office.Settings } }).document?.settings;
  if (!settings || typeof settings.get !== "function") return null;
  return {
    get: (k) => {
      const v: unknown = settings.get(k);
      return typeof v === "string" ? v : null;
    },
    set: (k, v) => {
      settings.set(k, v);
      settings.saveAsync((r) => {
        if (r.status === Office.AsyncResultStatus.Failed) console.error("Không lưu được lựa chọn vào sổ tính / settings not saved", r.error);
      });
    },
  };
}
