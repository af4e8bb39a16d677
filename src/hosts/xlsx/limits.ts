// Hard limits that make a hostile or absurd file fail within seconds and bounded memory.

import { ChitieuError } from "../../core/errors";

export interface Limits {
  /** Size of the .xlsx file itself. */
  maxInputBytes: number;
  /** Sum of all inflated parts we actually inflate (and of all declared sizes). */
  maxTotalUncompressedBytes: number;
  /** Any single inflated part. */
  maxPartBytes: number;
  /** Inflated:compressed ratio allowed for a part larger than ratioCheckAboveBytes (zip bombs). */
  maxCompressionRatio: number;
  ratioCheckAboveBytes: number;
  /** Entries in the zip's central directory. */
  maxEntries: number;
  /** `<c>` elements read over the whole workbook. */
  maxCells: number;
  /** Sum over sheets of the dense rectangle's area handed to the core. */
  maxSnapshotArea: number;
  /** Wall-clock budget for one read, checked while parsing. */
  timeoutMs: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxInputBytes: 50 * MB,
  maxTotalUncompressedBytes: 200 * MB,
  maxPartBytes: 100 * MB,
  maxCompressionRatio: 200,
  ratioCheckAboveBytes: 1 * MB,
  maxEntries: 10_000,
  maxCells: 2_000_000,
  maxSnapshotArea: 5_000_000,
  timeoutMs: 10_000,
});

export function resolveLimits(overrides?: Partial<Limits>): Limits {
  return { ...DEFAULT_LIMITS, ...(overrides ?? {}) };
}

/** A wall-clock budget shared by the package and the parsers of one read. */
export interface Deadline {
  /** Throws ChitieuError "timeout" once the budget is spent. Cheap: call it often. */
  check(): void;
  readonly startedAt: number;
  readonly timeoutMs: number;
}

const now: () => number =
  typeof performance !== "undefined" && typeof performance.now === "function" ? () => performance.now() : () => Date.now();

export function startDeadline(timeoutMs: number): Deadline {
  const startedAt = now();
  const endAt = startedAt + timeoutMs;
  return {
    startedAt,
    timeoutMs,
    check() {
      if (now() > endAt) {
        const seconds = Math.round(timeoutMs / 100) / 10;
        throw new ChitieuError("error.timeout", { seconds });
      }
    },
  };
}

/** A deadline that never fires, for callers that opt out. */
export const NO_DEADLINE: Deadline = { startedAt: 0, timeoutMs: Infinity, check() {} };
