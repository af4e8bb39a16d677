import type { z } from "zod";
import { ChitieuError } from "./errors";
import type { MessageKey, MessageRef, ParamArgs } from "./messages";

// Data files (the catalog, a unit registry, a user's --units file) are validated with zod. Our schemas word their own
// problems as `data.*` catalog keys; zod's locale words the rest; the error names the file and each field path.

export type DataKey = Extract<MessageKey, `data.${string}`>;

/** A schema's own wording of a check, as a catalog key: `.regex(re, dataHint("data.iso-date"))`. */
export function dataHint(key: DataKey): string {
  return key;
}

/** A custom issue for `ctx.addIssue` in a superRefine, worded by the catalog. */
export function dataIssue<K extends DataKey>(key: K, ...args: ParamArgs<K>): { code: "custom"; message: K; params: Record<string, unknown> } {
  return { code: "custom", message: key, params: { ...(args[0] ?? {}) } };
}

/** The parsed data, or a ChitieuError "data-file" naming the file and listing every problem with its path. */
export function parseData<T>(schema: z.ZodType<T>, raw: unknown, file: MessageRef): T {
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new ChitieuError("error.data-file", { file, issues: parsed.error.issues });
  return parsed.data;
}
