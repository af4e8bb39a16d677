// Our hidden store: template metadata and what we changed (saved fills, cells given our notes/comments).
// ExcelApi ≥ 1.7: custom document properties (the same "chitieu.*" names the file host writes into docProps/custom.xml).
// Below: a "_chitieu" sheet of key/value rows, very hidden from ExcelApi 1.2 (visibility cannot be set at 1.1).
// Values are cut into 255-character pieces because Excel keeps custom property values to 255 characters.

import type { TemplateMetadata } from "../../core/snapshot";

export const METADATA_KEYS = {
  templateVersion: "chitieu.templateVersion",
  catalogId: "chitieu.catalogId",
  catalogVersion: "chitieu.catalogVersion",
  unitCode: "chitieu.unitCode",
  level: "chitieu.level",
  year: "chitieu.year",
  sheet: "chitieu.sheet",
} as const satisfies Record<keyof TemplateMetadata, string>;

const STATE_KEY = "chitieu.state";
const CHUNK = 255;

/** Everything we changed and must be able to undo. */
export interface OurState {
  /** Original fills of cells we painted (fill fallback); null = no fill. */
  fills: { sheet: string; cell: string; fill: string | null }[];
  /** Cells that carry a note / comment we added. */
  notes: { sheet: string; cell: string }[];
  comments: { sheet: string; cell: string }[];
}

export const EMPTY_STATE: OurState = { fills: [], notes: [], comments: [] };

export function isOurKey(key: string): boolean {
  return key.toLowerCase().startsWith("chitieu.");
}

export function metadataEntries(m: TemplateMetadata): [string, string][] {
  return (Object.keys(METADATA_KEYS) as (keyof TemplateMetadata)[]).map((k) => [METADATA_KEYS[k], String(m[k])]);
}

export function readMetadata(store: ReadonlyMap<string, string>): TemplateMetadata | null {
  const get = (k: keyof TemplateMetadata) => store.get(METADATA_KEYS[k]);
  const level = get("level");
  const year = Number(get("year"));
  const fields = ["templateVersion", "catalogId", "catalogVersion", "unitCode", "sheet"] as const;
  if (fields.some((f) => !get(f)) || !Number.isInteger(year)) return null;
  if (level !== "province" && level !== "district" && level !== "commune") return null;
  return {
    templateVersion: get("templateVersion")!,
    catalogId: get("catalogId")!,
    catalogVersion: get("catalogVersion")!,
    unitCode: get("unitCode")!,
    level,
    year,
    sheet: get("sheet")!,
  };
}

/** JSON with "=" escaped so no piece can ever be taken for a formula when written to a cell. */
function encode(state: OurState): string {
  return JSON.stringify(state).replace(/=/g, "\\u003d");
}

export function stateEntries(state: OurState): [string, string][] {
  const empty = state.fills.length + state.notes.length + state.comments.length === 0;
  if (empty) return [];
  const text = encode(state);
  const parts: [string, string][] = [];
  for (let i = 0; i * CHUNK < text.length; i++) parts.push([`${STATE_KEY}.${i}`, text.slice(i * CHUNK, (i + 1) * CHUNK)]);
  return [[`${STATE_KEY}.count`, String(parts.length)], ...parts];
}

/** A damaged or missing state reads as empty: we then only remove what we can recognise by itself (rules, note prefix). */
export function readState(store: ReadonlyMap<string, string>): OurState {
  const count = Number(store.get(`${STATE_KEY}.count`));
  if (!Number.isInteger(count) || count <= 0) return EMPTY_STATE;
  let text = "";
  for (let i = 0; i < count; i++) {
    const part = store.get(`${STATE_KEY}.${i}`);
    if (part === undefined) return EMPTY_STATE;
    text += part;
  }
  try {
    const parsed = JSON.parse(text) as Partial<OurState>;
    return { fills: parsed.fills ?? [], notes: parsed.notes ?? [], comments: parsed.comments ?? [] };
  } catch {
    return EMPTY_STATE;
  }
}

/** Replaces the state keys of a store, keeping the metadata. */
export function withState(store: ReadonlyMap<string, string>, state: OurState): Map<string, string> {
  const next = new Map([...store].filter(([k]) => !k.startsWith(`${STATE_KEY}.`)));
  for (const [k, v] of stateEntries(state)) next.set(k, v);
  return next;
}

export function withMetadata(store: ReadonlyMap<string, string>, m: TemplateMetadata): Map<string, string> {
  const next = new Map(store);
  for (const [k, v] of metadataEntries(m)) next.set(k, v);
  return next;
}
