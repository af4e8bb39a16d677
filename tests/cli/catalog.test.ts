import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { main } from "../../src/cli/main";

const root = join(__dirname, "../..");

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe("chitieu catalog", () => {
  it("prints a Vietnamese table grouped by pillar with the per-level targets", async () => {
    const { code, out } = await run(["catalog"]);
    expect(code).toBe(0);
    expect(out).toContain("I. CHÍNH QUYỀN SỐ");
    expect(out).toContain("IV. NỀN TẢNG VÀ NGUỒN LỰC");
    expect(out).toMatch(/CQS-02\s+Tỷ lệ hồ sơ công việc/);
    expect(out).toContain("tỉnh ≥ 90% · huyện ≥ 80% · xã ≥");
    expect(out).toContain("≤ 45/63");
  });

  it("prints English with --lang en", async () => {
    const { out } = await run(["catalog", "--lang", "en"]);
    expect(out).toContain("I. DIGITAL GOVERNMENT");
    expect(out).toContain("province ≥ 90%");
  });

  it("prints JSON with code, text, unit, levels and targets {year, level, value, comparator}", async () => {
    const { out } = await run(["catalog", "--json"]);
    const list = JSON.parse(out) as { code: string; text: string; unit: string; levels: string[]; targets: { year: number | string; level: string; value: number; comparator: string }[] }[];
    const records = list.find((i) => i.code === "CQS-02")!;
    expect(records.unit).toBe("ratio");
    expect(records.targets).toEqual(expect.arrayContaining([
      expect.objectContaining({ year: 2025, level: "province", value: 90, comparator: ">=" }),
      expect.objectContaining({ year: 2025, level: "district", value: 80, comparator: ">=" }),
      expect.objectContaining({ year: 2025, level: "commune", value: 60, comparator: ">=" }),
      expect.objectContaining({ year: 2030, level: "commune", value: 70, comparator: ">=" }),
    ]));
    const households = list.find((i) => i.code === "XHS-02")!;
    expect(households.targets[0]).toMatchObject({ year: 2025, level: "all", value: 50, comparator: ">" });
    const budget = list.find((i) => i.code === "NL-02")!;
    expect(budget.targets[0]).toMatchObject({ year: "annual", value: 1 });
    for (const i of list) for (const t of i.targets) expect(["province", "district", "commune", "all"]).toContain(t.level);
  });

  it("rejects an unknown command and an unknown option with exit code 2", async () => {
    expect((await run(["catalogue"])).code).toBe(2);
    const bad = await run(["catalog", "--jsn"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("Tùy chọn không hợp lệ");
  });

  it("runs as `npx chitieu` from the repository with no build step", () => {
    const out = execFileSync("npx", ["--no-install", "chitieu", "catalog", "--json"], { cwd: root, encoding: "utf8" });
    expect(JSON.parse(out).length).toBeGreaterThanOrEqual(40);
    const r = spawnSync("npx", ["--no-install", "chitieu", "units", "--year", "1999"], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Năm báo cáo không hợp lệ");
  });
});
