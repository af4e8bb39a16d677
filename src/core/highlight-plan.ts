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
}

export interface HighlightPlan {
  marks: Mark[];
}
