import type { Catalog } from "../../core/catalog";
import { submissionOf, unreadable, type Submission } from "../../core/consolidate";
import type { UnitRegistry } from "../../core/units";
import { XlsxError } from "./errors";
import { readWorkbook } from "./read";

// One unit's file → what the roll-up needs of it. A file we cannot read is a reason, never an exception, so one
// bad file never stops a batch; anything else (a bug of ours) is still reported against that file, not hidden.

export function submissionFromBytes(file: string, bytes: Uint8Array, catalog: Catalog, registry: UnitRegistry): Submission {
  try {
    return submissionOf(file, readWorkbook(bytes), catalog, registry);
  } catch (e) {
    if (e instanceof XlsxError) return unreadable(file, e.text);
    const detail = e instanceof Error ? e.message : String(e);
    return { file, kind: "unreadable", reason: { message: { key: "consolidate.reason.unexpected", params: { detail } } } };
  }
}
