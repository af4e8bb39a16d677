import bcd from "@mdn/browser-compat-data";

// What Internet Explorer 11 lacks, read from MDN's browser-compat-data (the table behind MDN's compatibility tables),
// not from a hand list: every JavaScript built-in, static method and prototype method, and every Web API global, whose
// IE support is "not added" (version_added false or null, or removed) in its current entry.

type Support = { version_added: string | boolean | null; version_removed?: string | boolean; partial_implementation?: boolean; flags?: unknown[]; prefix?: string };
type Compat = { __compat?: { support: Record<string, Support | Support[] | undefined> } } & Record<string, unknown>;

function ieLacks(entry: Compat | undefined): boolean {
  const raw = entry?.__compat?.support.ie;
  if (raw === undefined) return false; // no IE data: not claimed either way
  const s = Array.isArray(raw) ? raw[0] : raw;
  if (!s) return false;
  const added = s.version_added;
  if (added === false || added === null) return true;
  if (s.version_removed || s.flags || s.prefix) return true;
  return typeof added === "string" && !added.startsWith("≤") && Number(added) > 11;
}

export interface MissingFeature {
  /** "Map", "Array.prototype.includes", "Object.fromEntries", "fetch" */
  name: string;
  kind: "global" | "static" | "prototype";
  owner?: string;
  property: string;
}

/** The built-ins IE11 lacks, classified static or prototype by where the member lives in this Node. */
export function ie11MissingBuiltins(): MissingFeature[] {
  const out: MissingFeature[] = [];
  const builtins = bcd.javascript.builtins as unknown as Record<string, Compat>;
  for (const [owner, data] of Object.entries(builtins)) {
    const ctor = (globalThis as Record<string, unknown>)[owner] as Record<string, unknown> | undefined;
    if (ieLacks(data)) out.push({ name: owner, kind: "global", property: owner });
    if (!ctor) continue;
    for (const [member, sub] of Object.entries(data)) {
      if (member === "__compat" || member === owner || member.startsWith("@@") || !ieLacks(sub as Compat)) continue;
      const proto = (ctor as { prototype?: object }).prototype;
      if (proto && member in proto) out.push({ name: `${owner}.prototype.${member}`, kind: "prototype", owner, property: member });
      else if (member in ctor) out.push({ name: `${owner}.${member}`, kind: "static", owner, property: member });
    }
  }
  return out;
}

/** Web API globals (functions and interfaces) IE11 lacks, e.g. fetch, TextDecoder, URLSearchParams. */
export function ie11MissingApis(): MissingFeature[] {
  const api = bcd.api as unknown as Record<string, Compat>;
  const out: MissingFeature[] = [];
  for (const [name, data] of Object.entries(api)) if (ieLacks(data)) out.push({ name, kind: "global", property: name });
  const win = api.Window ?? {};
  for (const [name, data] of Object.entries(win)) {
    if (name !== "__compat" && ieLacks(data as Compat)) out.push({ name, kind: "global", property: name });
  }
  return out;
}
