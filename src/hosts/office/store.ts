// Our hidden store: template metadata and what we changed (saved fills, cells given our notes/comments).
// ExcelApi ≥ 1.7: custom document properties (the same "chitieu.*" names the file host writes into docProps/custom.xml).
// Below: a "_chitieu" sheet of key/value rows, very hidden from ExcelApi 1.2 (visibility cannot be set at 1.1).
// Values are cut into 255-character pieces because Excel keeps custom property values to 255 characters.

import { metadataEntries, metadataFrom, METADATA_KEYS } from "../../core/metadata";
import type { TemplateMetadata } from "../../core/snapshot";

export { METADATA_KEYS, metadataEntries };

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

export function readMetadata(store: ReadonlyMap<string, string>): TemplateMetadata | null {
  return metadataFrom((name) => store.get(name));
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
