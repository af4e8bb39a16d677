import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

// Colour scheme: Excel's Office theme inside Excel, the system preference in the browser.

/** Perceived brightness 0..1 of "#rrggbb" (or "rrggbb"); null when unreadable. */
export function brightness(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x!, 16) / 255) as [number, number, number];
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

/** Dark when the Office body background is dark (Office's "Black" and "Dark Gray" themes). */
export function officeThemeIsDark(officeTheme: { bodyBackgroundColor?: string } | undefined): boolean {
  const b = brightness(officeTheme?.bodyBackgroundColor);
  return b !== null && b < 0.5;
}

export function systemPrefersDark(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
}

export function themeFor(dark: boolean): Theme {
  return dark ? webDarkTheme : webLightTheme;
}
