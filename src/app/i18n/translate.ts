import { formatNumber, type Lang } from "../../core/messages";
import { en } from "./en";
import { vi, type UiKey } from "./vi";

// UI text lookup without React, so the ribbon commands can use it without pulling React into their bundle.

export const uiStrings: Readonly<Record<Lang, Readonly<Record<UiKey, string>>>> = { vi, en };

export type UiParams = Readonly<Record<string, string | number>>;

/** UI text in one language; numbers are written the language's way (38,3 / 38.3). */
export function translate(lang: Lang, key: UiKey, params: UiParams = {}): string {
  return uiStrings[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === "number" ? formatNumber(v, lang) : v;
  });
}
