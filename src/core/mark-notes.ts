// The text of our note on a marked cell, the same in both hosts: the findings, then the day of the check and whether
// the colour follows the figure (a live rule) or stays until the next check (a static mark).

import { formatMessage, msg, type Lang } from "./messages";
import { NOTE_PREFIX } from "./our-marks";
import { formatDateVi } from "./template/header";

/** A day as ISO yyyy-mm-dd, in the local calendar (what the clerk's own clock says). */
export function isoDay(d: Date): string {
  const p = (n: number, w = 2) => ("000" + String(n)).slice(-w);
  return `${p(d.getFullYear(), 4)}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The note of a cell: its findings' messages and one closing line dated dd/mm/yyyy (in both languages). */
export function markNoteText(messages: readonly string[], live: boolean, checkedOn: string, lang: Lang): string {
  const date = formatDateVi(checkedOn);
  const closing = formatMessage(live ? msg("mark.note.live", { date }) : msg("mark.note.checked-on", { date }), lang);
  return `${NOTE_PREFIX}${messages.join("\n")}\n${closing}`;
}
