// What the core asks a host to mark. Hosts decide how (conditional formats, fills, notes), never what.

export type Severity = "error" | "warning" | "info";

export type Status = "met" | "below" | "on-track" | "off-track" | "missing" | "invalid" | "not-applicable";

export interface Mark {
  sheet: string;
  /** A1 address of one cell, e.g. "H12". */
  cell: string;
  severity: Severity;
  status: Status;
  indicator: string;
  /** The finding explained, ready to show: Vietnamese and English. */
  message: { vi: string; en: string };
  /**
   * When the finding is a comparison of the cell's figure with a number: an Excel formula (no "=", English function
   * names, references relative to `cell` on its sheet) that is TRUE while the finding still holds. The host makes the
   * mark a rule of this formula, so it goes away when the figure is fixed, with or without the add-in.
   */
  live?: string;
}

/** A judged figure that is fine today: a live rule that marks it (as a warning) if it is edited into a shortfall. */
export interface Watch {
  sheet: string;
  cell: string;
  indicator: string;
  /** As Mark.live: TRUE when the figure no longer meets the level. */
  live: string;
}

export interface HighlightPlan {
  marks: Mark[];
  /** Live rules on figures that meet their level today; no note, not counted as marks. */
  watches?: Watch[];
  /** The day of the check (ISO yyyy-mm-dd), which notes of marks state; hosts use today's date when absent. */
  checkedOn?: string;
}
