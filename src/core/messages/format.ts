// Turning a message reference into text in one language.

import { z } from "zod";
import { en } from "./en";
import { vi, type MessageKey } from "./vi";

export type Lang = "vi" | "en";

/**
 * A placeholder is `{name}` (a string or a number, numbers written the language's way) or `{name:kind}`:
 * `bytes` (a size in bytes, "12,3 MB"), `message` (another message, rendered in the same language) or `list` (messages
 * joined with "và" / "and") or `issues` (a data file's schema problems, one line each with its field path).
 */
interface PlaceholderKinds {
  "": string | number;
  bytes: number;
  message: MessageRef;
  list: readonly MessageRef[];
  issues: readonly DataIssue[];
}

/** A data file's problem as zod reports it (parsed with `reportInput`, so it can be rendered in either language later). */
export type DataIssue = z.core.$ZodIssue;

/** The placeholders of a catalog text, e.g. "year" | "size:bytes". */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type NameOf<P extends string> = P extends `${infer N}:${string}` ? N : P;
type KindOf<P extends string> = P extends `${string}:${infer K}` ? (K extends keyof PlaceholderKinds ? K : never) : "";

/** The parameters a message needs, derived from its Vietnamese text: a missing, extra or mistyped one is a compile error. */
export type ParamsOf<K extends MessageKey> = { readonly [P in Placeholders<(typeof vi)[K]> as NameOf<P>]: PlaceholderKinds[KindOf<P>] };

/** `[]` for a message without placeholders, else `[params]`, so a call can say neither too little nor too much. */
export type ParamArgs<K extends MessageKey> = [keyof ParamsOf<K>] extends [never] ? [params?: Record<string, never>] : [params: ParamsOf<K>];

/** One message with exactly its parameters. */
export interface Msg<K extends MessageKey> {
  readonly key: K;
  readonly params: ParamsOf<K>;
}

/** Any message with its parameters (a union over every key, so `ref.key === "…"` narrows `ref.params`). */
export type MessageRef = { [K in MessageKey]: Msg<K> }[MessageKey];

/** A typed reference to a catalog message. */
export function msg<K extends MessageKey>(key: K, ...args: ParamArgs<K>): Msg<K> {
  return { key, params: (args[0] ?? {}) as ParamsOf<K> };
}

export type ParamValue = string | number | MessageRef | readonly MessageRef[] | readonly DataIssue[];
export type MessageParams = Readonly<Record<string, ParamValue>>;

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

const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;

export function formatMessage(message: Message | MessageRef, lang: Lang): string {
  const catalog = catalogs[lang];
  const template = catalog[message.key] ?? message.key;
  const params = message.params as MessageParams;
  const terms = "terms" in message ? message.terms : undefined;
  const text = template.replace(PLACEHOLDER, (whole, name: string, kind: string | undefined) => {
    const term = terms?.[name];
    if (term !== undefined) return catalog[term] ?? term;
    const value = params[name];
    if (value === undefined) return whole; // visible in the text, and caught by tests
    return formatValue(value, kind, lang);
  });
  return lang === "vi" ? text.normalize("NFC") : text;
}

function formatValue(value: ParamValue, kind: string | undefined, lang: Lang): string {
  if (typeof value === "number") return kind === "bytes" ? formatBytes(value, lang) : kind === "spaced" ? formatSpaced(value, lang) : formatNumber(value, lang);
  if (typeof value === "string") return value;
  if (!isList(value)) return formatMessage(value, lang);
  if (kind === "issues") return (value as readonly DataIssue[]).map((i) => `\n- ${issuePath(i)}: ${formatIssue(i, lang)}`).join("");
  return joinList((value as readonly MessageRef[]).map((m) => formatMessage(m, lang)), lang);
}

function isList(value: MessageRef | readonly MessageRef[] | readonly DataIssue[]): value is readonly MessageRef[] | readonly DataIssue[] {
  return Array.isArray(value);
}

function issuePath(issue: DataIssue): string {
  return issue.path.map(String).join(".") || "(root)";
}

// made when a data file's problem is first worded, not at every start
let zodLocales: Record<Lang, ReturnType<typeof z.locales.en>> | undefined;

/**
 * Our schemas word their own problems as catalog keys (`data.*`, see data-issues.ts); everything else is said by zod's
 * locale for the language. A field that is absent gets our plainer "required" wording.
 */
function formatIssue(issue: DataIssue, lang: Lang): string {
  if (isMessageKey(issue.message)) return formatMessage({ key: issue.message, params: (issue as { params?: MessageParams }).params ?? {} }, lang);
  if (issue.code === "invalid_type" && issue.input === undefined && issue.path.length > 0) return formatMessage({ key: "data.required", params: { expected: issue.expected } }, lang);
  zodLocales ??= { vi: z.locales.vi(), en: z.locales.en() };
  const said = zodLocales[lang].localeError(issue as never);
  const text = typeof said === "string" ? said : said?.message;
  return text ?? issue.message;
}

function isMessageKey(s: string): s is MessageKey {
  return Object.hasOwn(vi, s);
}

/** "a", "a và b", "a, b và c". */
function joinList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")}${catalogs[lang]["term.and"]}${items[items.length - 1]}`;
}

/**
 * Numbers the locale's way: vi "38,3" and "12.345,6"; en "38.3" and "12,345.6". At most 4 decimals, trailing zeros dropped.
 * Thousands are grouped from 10 000 up only, so "1079" is never confused with 1,079 in a message about an ambiguous entry.
 */
/** Thousands grouped by spaces whatever the language ("1 079"): a reading of "1.079" no one can read twice. */
function formatSpaced(n: number, lang: Lang): string {
  const text = formatNumber(n, lang);
  const decimal = lang === "vi" ? "," : ".";
  const at = text.indexOf(decimal);
  const whole = (at < 0 ? text : text.slice(0, at)).split(lang === "vi" ? "." : ",").join("");
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ") + (at < 0 ? "" : text.slice(at));
}

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

const MB = 1024 * 1024;

/** "12.3 MB" (en) / "12,3 MB" (vi); "512 B" below a kilobyte. */
export function formatBytes(n: number, lang: Lang): string {
  const en = n >= MB ? `${(n / MB).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`;
  return lang === "vi" ? en.replace(".", ",") : en;
}

/** "≥", ">", "≤" for the catalog's comparators. */
export function comparatorSymbol(comparator: ">=" | ">" | "<="): string {
  return comparator === ">=" ? "≥" : comparator === "<=" ? "≤" : ">";
}
