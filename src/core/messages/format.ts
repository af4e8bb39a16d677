// Turning a message reference into text in one language.

import { en } from "./en";
import { vi, type MessageKey } from "./vi";

export type Lang = "vi" | "en";

export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * A message to show, kept language-neutral until shown. `terms` names parameters whose text is itself a message
 * (a level, "the numerator cell"), so they are translated too.
 */
export interface Message {
  key: MessageKey;
  params: MessageParams;
  terms?: Readonly<Record<string, MessageKey>>;
}

export const catalogs: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { vi, en };

const PLACEHOLDER = /\{(\w+)\}/g;

export function formatMessage(message: Message, lang: Lang): string {
  const catalog = catalogs[lang];
  const template = catalog[message.key] ?? message.key;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const term = message.terms?.[name];
    if (term !== undefined) return catalog[term] ?? term;
    const value = message.params[name];
    if (value === undefined) return whole; // visible in the text, and caught by tests
    return typeof value === "number" ? formatNumber(value, lang) : value;
  });
}

/**
 * Numbers the locale's way: vi "38,3" and "12.345,6"; en "38.3" and "12,345.6". At most 4 decimals, trailing zeros dropped.
 * Thousands are grouped from 10 000 up only, so "1079" is never confused with 1,079 in a message about an ambiguous entry.
 */
export function formatNumber(n: number, lang: Lang): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = Math.abs(n).toFixed(4);
  const dot = fixed.indexOf(".");
  let whole = dot < 0 ? fixed : fixed.slice(0, dot);
  let fraction = dot < 0 ? "" : fixed.slice(dot + 1);
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
  fraction = fraction.slice(0, end);
  const group = lang === "vi" ? "." : ",";
  if (whole.length > 4) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const negative = n < 0 && (whole !== "0" || fraction !== "");
  return (negative ? "-" : "") + whole + (fraction ? (lang === "vi" ? "," : ".") + fraction : "");
}

/** "≥", ">", "≤" for the catalog's comparators. */
export function comparatorSymbol(comparator: ">=" | ">" | "<="): string {
  return comparator === ">=" ? "≥" : comparator === "<=" ? "≤" : ">";
}
