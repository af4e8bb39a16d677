// The corpus runner names the file that exhausts the heap, hangs or crashes, and still runs every other file.

import path from "node:path";
import { runInWorkers } from "./run-in-worker";

const MISBEHAVING = path.join(__dirname, "support/misbehaving-worker.ts");

describe("running the corpus in capped workers", () => {
  it("records an exhausted heap, a hang and a crash against their files, and finishes the rest", async () => {
    const files = ["a", "hog", "b", "hang", "c", "crash", "d"];
    const results = await runInWorkers(files, { heapCapMb: 32, perFileMs: 3_000 }, MISBEHAVING);
    const kinds = Object.fromEntries(files.map((f) => [f, results.get(f)?.kind]));
    expect(kinds).toEqual({ a: "done", hog: "out-of-memory", b: "done", hang: "hung", c: "done", crash: "crash", d: "done" });
    expect(results.get("hang")).toMatchObject({ afterMs: expect.any(Number) });
    expect((results.get("hang") as { afterMs: number }).afterMs).toBeGreaterThanOrEqual(3_000);
  }, 60_000);
});
