// Errors that carry a message for the user (bad file, bad option, unknown level…) in Vietnamese and English.
// Anything else is a bug and is not dressed up as the user's fault.

export function userText(e: unknown): { vi: string; en: string } | null {
  if (typeof e !== "object" || e === null) return null;
  const withText = e as { text?: { vi?: unknown; en?: unknown }; vi?: unknown; en?: unknown };
  if (withText.text && typeof withText.text.vi === "string" && typeof withText.text.en === "string") return { vi: withText.text.vi, en: withText.text.en };
  if (typeof withText.vi === "string" && typeof withText.en === "string") return { vi: withText.vi, en: withText.en };
  return null;
}
