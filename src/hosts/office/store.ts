// Our hidden store: template metadata and what we changed (saved fills, cells given our notes/comments).
// ExcelApi ≥ 1.7: custom document properties (the same "chitieu.*" names the file host writes into docProps/custom.xml).
// Below: a "_chitieu" sheet of key/value rows, very hidden from ExcelApi 1.2 (visibility cannot be set at 1.1).
// Values are cut into 255-character pieces because Excel keeps custom property values to 255 characters.

import { dataHint, dataIssue } from "../../core/data-issues";
import { z } from "zod";
import { tryParseCell } from "../../core/a1";
import { metadataEntries, metadataFrom, METADATA_KEYS, METADATA_PREFIX, parseStored } from "../../core/metadata";
import type { TemplateMetadata } from "../../core/snapshot";

export { METADATA_KEYS, metadataEntries };

const STATE_KEY = `${METADATA_PREFIX}state`;
const COUNT_KEY = `${STATE_KEY}.count`;
const CHUNK = 255;

const cellSchema = z.object({
  sheet: z.string().min(1),
  cell: z.string().refine((c) => tryParseCell(c) !== null, dataHint("data.cell-address")),
});

const ourStateSchema = z.object({
  /** Original fills of cells we painted (fill fallback); null = no fill. */
  fills: z.array(cellSchema.extend({ fill: z.string().nullable() })).default([]),
  /** Cells that carry a note / comment we added. */
  notes: z.array(cellSchema).default([]),
  comments: z.array(cellSchema).default([]),
});

/** Everything we changed and must be able to undo. */
export type OurState = z.infer<typeof ourStateSchema>;

export const EMPTY_STATE: OurState = { fills: [], notes: [], comments: [] };

export function isOurKey(key: string): boolean {
  return key.toLowerCase().startsWith(METADATA_PREFIX);
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
  return [[COUNT_KEY, String(parts.length)], ...parts];
}

/** JSON text, or what the store holds instead, for the schema to name. */
const storedJsonSchema = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue(dataIssue("data.not-json"));
    return z.NEVER;
  }
});

/** The pieces joined: count, then every piece from 0 to count - 1. */
const storedPiecesSchema = z
  .object({ [COUNT_KEY]: z.string().trim().regex(/^[1-9]\d{0,5}$/, dataHint("data.piece-count")), pieces: z.array(z.string().optional()) })
  .transform(({ [COUNT_KEY]: count, pieces }, ctx) => {
    const n = Number(count);
    for (let i = 0; i < n; i++)
      if (pieces[i] === undefined) {
        ctx.addIssue({ ...dataIssue("data.piece-missing", { piece: `${STATE_KEY}.${i}`, count: n }), path: [`${STATE_KEY}.${i}`] });
        return z.NEVER;
      }
    return pieces.slice(0, n).join("");
  })
  .pipe(storedJsonSchema)
  .pipe(ourStateSchema);

/**
 * The undo state; empty when none was ever written. One that is there but was edited (a piece missing, not JSON,
 * `{"fills":5}`) stops the operation with a message naming the problem: acting on it could paint over a cell's own fill
 * for good or leave our marks behind.
 */
export function readState(store: ReadonlyMap<string, string>): OurState {
  const count = store.get(COUNT_KEY);
  if (count === undefined && ![...store.keys()].some((k) => k.startsWith(`${STATE_KEY}.`))) return EMPTY_STATE;
  const pieces: (string | undefined)[] = [];
  for (let i = 0; i < Math.min(Number(count) || 0, store.size); i++) pieces.push(store.get(`${STATE_KEY}.${i}`));
  return parseStored(storedPiecesSchema, { [COUNT_KEY]: count, pieces }, "state");
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
