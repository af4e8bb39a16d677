import { PILLARS, type Pillar } from "../catalog/schema";
import type { Severity, Status } from "../highlight-plan";
import type { Finding } from "./types";

const STATUSES: readonly Status[] = ["met", "below", "on-track", "off-track", "missing", "invalid", "not-applicable"];

export interface StatusCounts {
  total: number;
  byStatus: Record<Status, number>;
}

export interface Summary extends StatusCounts {
  bySeverity: Record<Severity, number>;
  byPillar: Record<Pillar, StatusCounts>;
}

function emptyCounts(): StatusCounts {
  const byStatus = {} as Record<Status, number>;
  for (const s of STATUSES) byStatus[s] = 0;
  return { total: 0, byStatus };
}

/** Counts by status, by severity and by pillar: every status and pillar is present, zero when none. */
export function summarize(findings: readonly Finding[]): Summary {
  const all = emptyCounts();
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byPillar = {} as Record<Pillar, StatusCounts>;
  for (const p of PILLARS) byPillar[p] = emptyCounts();
  for (const f of findings) {
    all.total++;
    all.byStatus[f.status]++;
    bySeverity[f.severity]++;
    const pillar = byPillar[f.pillar];
    pillar.total++;
    pillar.byStatus[f.status]++;
  }
  return { ...all, bySeverity, byPillar };
}
