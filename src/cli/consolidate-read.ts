import { unreadable, type Submission } from "../core/consolidate";
import type { FileTask } from "./consolidate-pool";
import { readInput } from "./files";
import { userText } from "./user-text";

/** The file's bytes, or the reason it cannot be read (missing, a folder, no permission), as a submission. */
export function readOrReason(task: FileTask): { bytes: Uint8Array } | { submission: Submission } {
  try {
    return { bytes: readInput(task.path) };
  } catch (e) {
    const vi = userText(e, "vi");
    const en = userText(e, "en");
    if (vi === null || en === null) throw e;
    return { submission: unreadable(task.name, { vi, en }) };
  }
}
