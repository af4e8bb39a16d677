import { isPercentFormat } from "../../../src/core/figures";

describe("telling whether a number format shows percentages", () => {
  it.each(["0%", "0.0%", "0.00%", "#,##0.0%", "0.0%;[Red]-0.0%", "[Blue]0%"])("%s shows percentages", (f) => {
    expect(isPercentFormat(f)).toBe(true);
  });
  it.each(["General", "", "0.0", "#,##0", '0.0" %"', "0.0\\%", "[$%-409]0", "@", 'dd/mm/yyyy'])("%j does not", (f) => {
    expect(isPercentFormat(f)).toBe(false);
  });
});
