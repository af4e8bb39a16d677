// Our note on a marked cell ends with the day of the check, dd/mm/yyyy in both languages, and says whether the colour
// follows the figure or stays until the next check.

import { isoDay, markNoteText } from "../../../src/core/mark-notes";
import { isOurRuleFormula, ourLiveFormula, OUR_FORMULA } from "../../../src/core/our-marks";

describe("the note of a mark", () => {
  it("dates a static mark and says it stays until the next check", () => {
    expect(markNoteText(["Chưa nhập tử số"], false, "2026-01-05", "vi")).toBe("Chỉ tiêu CĐS: Chưa nhập tử số\nKết quả kiểm tra ngày 05/01/2026; ô giữ màu này đến lần kiểm tra sau.");
    expect(markNoteText(["Numerator missing"], false, "2026-01-05", "en")).toBe("Chỉ tiêu CĐS: Numerator missing\nResult of the check of 05/01/2026; the cell keeps this colour until the next check.");
  });

  it("dates a live mark and says the colour goes once the figure is fixed", () => {
    expect(markNoteText(["Chưa đạt", "Gần đạt"], true, "2026-11-27", "vi")).toBe("Chỉ tiêu CĐS: Chưa đạt\nGần đạt\nKiểm tra ngày 27/11/2026; màu tự mất khi số liệu được sửa đạt yêu cầu.");
    expect(markNoteText(["Below"], true, "2026-11-27", "en")).toMatch(/\nChecked on 27\/11\/2026; the colour goes away by itself once the figure is corrected\.$/);
  });

  it("takes the day from the local calendar", () => {
    expect(isoDay(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
    expect(isoDay(new Date(2026, 10, 27, 0, 1))).toBe("2026-11-27");
  });
});

describe("which rules are ours", () => {
  it("recognises the static formula and every live one, re-spaced or re-cased by a spreadsheet, and nothing else", () => {
    const live = ourLiveFormula("IF(ISNUMBER(I11),NOT(ROUND(I11,9)>=10),TRUE)");
    const ours = [OUR_FORMULA, `=${OUR_FORMULA}`, live, `=${live}`, '=and("chitieu-cds"="chitieu-cds", if(isnumber(I11),not(round(I11,9)>=10),true))'];
    for (const f of ours) expect([f, isOurRuleFormula(f)]).toEqual([f, true]);
    const theirs = ['=$L11="Chưa đạt"', 'AND("chitieu-cds"="chitieu-cds")', 'OR("chitieu-cds"="chitieu-cds",A1>1)', "=A1>1"];
    for (const f of theirs) expect([f, isOurRuleFormula(f)]).toEqual([f, false]);
  });
});
