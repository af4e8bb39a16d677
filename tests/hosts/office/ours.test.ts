// Both hosts must recognise each other's marks: the same rule formula and note prefix.

import { NOTE_PREFIX as FILE_NOTE_PREFIX, OUR_FORMULA as FILE_FORMULA, SEVERITY_STYLE } from "../../../src/hosts/xlsx/mark/ours";
import { isOurFormula, NOTE_PREFIX, OUR_FORMULA, SEVERITY_COLORS } from "../../../src/hosts/office/ours";

describe("what marks ours", () => {
  it("is the same for the Office host and the file host", () => {
    expect(OUR_FORMULA).toBe(FILE_FORMULA);
    expect(NOTE_PREFIX).toBe(FILE_NOTE_PREFIX);
    for (const sev of ["error", "warning", "info"] as const) {
      expect(`FF${SEVERITY_COLORS[sev].fill.slice(1)}`).toBe(SEVERITY_STYLE[sev].fill);
      expect(`FF${SEVERITY_COLORS[sev].font.slice(1)}`).toBe(SEVERITY_STYLE[sev].font);
    }
  });

  it("recognises our rule formula as Excel gives it back, and nothing else", () => {
    expect(isOurFormula('="chitieu-cds"="chitieu-cds"')).toBe(true);
    expect(isOurFormula('"chitieu-cds" = "chitieu-cds"')).toBe(true);
    expect(isOurFormula('=$L11="Đạt"')).toBe(false);
    expect(isOurFormula('="chitieu-cds"="khác"')).toBe(false);
    expect(isOurFormula(null)).toBe(false);
  });
});
