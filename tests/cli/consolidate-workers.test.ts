import { defaultWorkers, WORKERS_FROM_FILES } from "../../src/cli/consolidate-pool";

// How many worker threads a consolidation starts by default: only where they can shorten the run.

describe("default worker threads", () => {
  it("are none for a small batch, whose files cost less than a worker's start", () => {
    expect(defaultWorkers(WORKERS_FROM_FILES - 1, 8, 0)).toBe(0);
  });

  it("are one per idle core besides this thread's, at most seven", () => {
    expect(defaultWorkers(1000, 2, 0.2)).toBe(1);
    expect(defaultWorkers(1000, 4, 0)).toBe(3);
    expect(defaultWorkers(1000, 4, 1.5)).toBe(2);
    expect(defaultWorkers(1000, 32, 0)).toBe(7);
  });

  it("are none on a single core or a machine whose other work keeps the other cores busy", () => {
    expect(defaultWorkers(1000, 1, 0)).toBe(0);
    expect(defaultWorkers(1000, 2, 1)).toBe(0);
    expect(defaultWorkers(2000, 2, 16.5)).toBe(0);
  });
});
