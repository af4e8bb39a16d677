// Every real workbook handed to the consolidation as if a unit had sent it: none is taken for a unit's report (they
// are other projects' test files, with no template header), none stops the batch, the ones the reader refuses are
// "unreadable" with the reader's own reason, and the roll-up of all of them together still lists every file.

import { defaultCatalog } from "../../../../src/core/catalog";
import { Consolidator, formatReason } from "../../../../src/core/consolidate";
import { loadUnits } from "../../../../src/core/units";
import { submissionFromBytes } from "../../../../src/hosts/xlsx/consolidate-file";
import { refusalCode } from "../../../support/corpus-expected";
import { cpuMs } from "../../../support/cpu";
import { corpusFiles, readCorpus } from "../mark/helpers";

const catalog = defaultCatalog();
const registry = loadUnits();

describe("the corpus as a consolidation batch", () => {
  const files = corpusFiles();
  const submissions = files.map((file) => {
    let s: ReturnType<typeof submissionFromBytes> | undefined;
    const ms = cpuMs(() => (s = submissionFromBytes(file, readCorpus(file), catalog, registry)));
    return { file, s: s!, ms };
  });

  it.each(files)("%s: unidentified, or unreadable with the reader's pinned refusal; within 10 s of CPU", (file) => {
    const { s, ms } = submissions.find((x) => x.file === file)!;
    expect(ms).toBeLessThan(10_000);
    const pinned = refusalCode(file, "read");
    if (pinned === null) {
      expect(s.kind).toBe("unidentified");
    } else {
      expect(s.kind).toBe("unreadable");
      if (s.kind !== "unreadable") return;
      const vi = formatReason(s.reason, "vi");
      expect(vi.length).toBeGreaterThan(20);
      expect(vi).toBe(vi.normalize("NFC"));
      expect(formatReason(s.reason, "en")).not.toBe(vi);
    }
  });

  it("rolls all of them up without stopping: every file is listed, no unit is counted as received", () => {
    const c = new Consolidator({ catalog, registry, period: { year: 2025, half: null } });
    for (const { s } of submissions) c.add(s);
    const report = c.finish();
    const listed = report.units.filter((u) => u.file !== null).map((u) => u.file);
    expect(listed.sort()).toEqual([...files].sort());
    expect(report.received).toBe(0);
    expect(report.units.filter((u) => u.status === "missing")).toHaveLength(report.expected);
  });
});
