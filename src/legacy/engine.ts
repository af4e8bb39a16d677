// Which pane an engine can run. Office shows add-ins in Internet Explorer 11 (Trident) on volume-licensed Office
// 2016/2019 and older builds, and in EdgeHTML (Edge Legacy) on Microsoft 365 builds before 16.0.13530 on Windows 10
// (learn.microsoft.com, "Browsers and webview controls used by Office Add-ins"). Neither parses the modern bundle.
// This file is ES5-safe on purpose: the boot script runs it before anything else.

export type PaneKind = "legacy" | "modern";

/**
 * Trident: "Trident/7.0" in the user agent, or document.documentMode (IE only, also in compatibility modes).
 * EdgeHTML: "Edge/12…18" (Chromium Edge and WebView2 say "Edg/", which runs the modern pane).
 */
export function paneFor(userAgent: string, documentMode: unknown): PaneKind {
  if (typeof documentMode === "number") return "legacy";
  if (/Trident\/|MSIE /.test(userAgent)) return "legacy";
  if (/ Edge\/\d/.test(userAgent)) return "legacy";
  return "modern";
}
