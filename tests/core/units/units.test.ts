import { ChitieuError } from "../../../src/core/errors";
import rawUnits from "../../../seeds/units.json";
import { findUnits, isValidOn, loadUnits, unitsForYear } from "../../../src/core/units";

const reg = loadUnits();

describe("the Lai Châu unit registry", () => {
  it("has the province, 8 district-level units until 30 June 2025 and 38 communes from 1 July 2025", () => {
    expect(reg.units.filter((u) => u.level === "province")).toHaveLength(1);
    const districts = reg.units.filter((u) => u.level === "district");
    expect(districts).toHaveLength(8);
    expect(districts.every((d) => d.validTo === "2025-06-30")).toBe(true);
    const communes = reg.units.filter((u) => u.level === "commune");
    expect(communes).toHaveLength(38);
    expect(communes.filter((c) => c.kind === "phường").map((c) => c.name).sort()).toEqual(["Tân Phong", "Đoàn Kết"]);
  });

  it("knows which units exist on a given day", () => {
    const district = findUnits(reg, "huyện Tam Đường")[0]!;
    expect(isValidOn(district, "2025-06-30")).toBe(true);
    expect(isValidOn(district, "2025-07-01")).toBe(false);
    expect(unitsForYear(reg, 2024, "commune")).toHaveLength(0);
    expect(unitsForYear(reg, 2026, "district")).toHaveLength(0);
    expect(unitsForYear(reg, 2025)).toHaveLength(47);
  });

  it("finds a unit by name without diacritics, by kind and name, or by code", () => {
    expect(findUnits(reg, "muong kim").map((u) => u.code)).toEqual(["xa-muong-kim"]);
    expect(findUnits(reg, "xã Mường Tè").map((u) => u.level)).toEqual(["commune"]);
    expect(findUnits(reg, "Mường Tè").map((u) => u.level).sort()).toEqual(["commune", "district"]);
    expect(findUnits(reg, "107").map((u) => u.name)).toEqual(["Mường Tè"]);
  });

  it("rejects a user's registry with a dangling parent or a reversed validity, saying which unit", () => {
    const bad = JSON.parse(JSON.stringify(rawUnits));
    bad.units[1].parent = "tinh-khong-co";
    bad.units[2].validFrom = "2026-01-01";
    try {
      loadUnits(bad);
      throw new Error("expected a rejection");
    } catch (e) {
      expect(e).toBeInstanceOf(ChitieuError);
      expect((e as ChitieuError).text("en")).toMatch(/unknown parent tinh-khong-co[\s\S]*|validFrom after validTo/);
    }
  });
});
