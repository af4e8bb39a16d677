// The years the resolution covers, as the catalog states them (seeds/catalog.json, resolution.period): 2021–2030.
// Every year check (the pane's year list, the CLI's --year, the check, the template) asks this one constant.

import rawCatalog from "../../../seeds/catalog.json";
import { periodSchema, type Period } from "./schema";

export const RESOLUTION_PERIOD: Readonly<Period> = Object.freeze(periodSchema.parse(rawCatalog.resolution.period));

/** Whether a report for this year falls inside the resolution (a whole year from its first to its last). */
export function inResolutionPeriod(year: number): boolean {
  return Number.isInteger(year) && year >= RESOLUTION_PERIOD.from && year <= RESOLUTION_PERIOD.to;
}
