// Data-validation rules for the input cells, with prompts and error messages in Vietnamese.

import type { UnitSpec } from "../catalog/schema";
import type { DataValidationRule } from "./types";
import { NO, YES } from "./formulas";

type RuleShape = Omit<DataValidationRule, "refs">;

const wholeNonNegative = (what: string): RuleShape => ({
  type: "whole",
  operator: "greaterThanOrEqual",
  formula1: "0",
  allowBlank: true,
  promptTitle: what,
  prompt: "Nhập số nguyên không âm (0, 1, 2, …).",
  errorTitle: "Giá trị không hợp lệ",
  error: `${what} phải là số nguyên lớn hơn hoặc bằng 0.`,
});

// amounts (hectares, money) may have decimals; things counted are whole numbers
function ratioPart(what: "Tử số" | "Mẫu số", meaning: string, quantity: "count" | "amount"): RuleShape {
  if (quantity === "count") return { ...wholeNonNegative(what), prompt: `${what}: ${meaning}. Nhập số nguyên không âm.` };
  return {
    type: "decimal",
    operator: "greaterThanOrEqual",
    formula1: "0",
    allowBlank: true,
    promptTitle: what,
    prompt: `${what}: ${meaning}. Nhập số không âm.`,
    errorTitle: "Giá trị không hợp lệ",
    error: `${what} phải là số lớn hơn hoặc bằng 0.`,
  };
}

/** The rule for each input of an indicator, keyed by input. */
export function inputRules(unit: UnitSpec): { numerator?: RuleShape; denominator?: RuleShape; value?: RuleShape } {
  switch (unit.kind) {
    case "ratio":
      return {
        numerator: ratioPart("Tử số", unit.numerator.vi, unit.quantity),
        denominator: ratioPart("Mẫu số", unit.denominator.vi, unit.quantity),
      };
    case "percent":
      return {
        value: {
          type: "decimal",
          operator: "between",
          formula1: "0",
          formula2: "100",
          allowBlank: true,
          promptTitle: "Tỷ lệ (%)",
          prompt: "Nhập tỷ lệ phần trăm từ 0 đến 100, ví dụ 12,5 cho 12,5%.",
          errorTitle: "Giá trị không hợp lệ",
          error: "Tỷ lệ phải là số từ 0 đến 100 (đơn vị %).",
        },
      };
    case "growth":
      return {
        value: {
          type: "decimal",
          operator: "between",
          formula1: "-100",
          formula2: "1000",
          allowBlank: true,
          promptTitle: "Tốc độ tăng (%)",
          prompt: "Nhập tốc độ tăng so với năm trước theo %, ví dụ 7,5; giảm thì nhập số âm.",
          errorTitle: "Giá trị không hợp lệ",
          error: "Tốc độ tăng phải là số từ -100 đến 1000 (đơn vị %).",
        },
      };
    case "count":
      return { value: { ...wholeNonNegative("Số lượng"), prompt: `Số lượng (${unit.of.vi}): nhập số nguyên không âm.` } };
    case "rank":
      return {
        value: {
          type: "whole",
          operator: "between",
          formula1: "1",
          formula2: String(unit.fieldSize),
          allowBlank: true,
          promptTitle: "Thứ hạng",
          prompt: `Nhập thứ hạng từ 1 đến ${unit.fieldSize} (1 là cao nhất).`,
          errorTitle: "Giá trị không hợp lệ",
          error: `Thứ hạng phải là số nguyên từ 1 đến ${unit.fieldSize}.`,
        },
      };
    case "yesno":
      return {
        value: {
          type: "list",
          formula1: `${YES},${NO}`,
          allowBlank: true,
          promptTitle: "Có/Không",
          prompt: `Chọn "${YES}" hoặc "${NO}": ${unit.subject.vi}.`,
          errorTitle: "Giá trị không hợp lệ",
          error: `Chỉ chọn "${YES}" hoặc "${NO}".`,
        },
      };
  }
}

/** "Kết quả năm trước": typed like the year's own result (48 for 48%), or a count for count indicators. */
export function previousRule(kind: "ratio" | "percent" | "count"): RuleShape {
  if (kind === "count") return { ...wholeNonNegative("Kết quả năm trước"), prompt: "Kết quả năm trước: số lượng, số nguyên không âm. Lộ trình năm nay tính từ số này." };
  return {
    type: "decimal",
    operator: "between",
    formula1: "0",
    formula2: "100",
    allowBlank: true,
    promptTitle: "Kết quả năm trước (%)",
    prompt: "Kết quả năm trước theo %, ví dụ 48 cho 48%. Lộ trình năm nay tính từ số này.",
    errorTitle: "Giá trị không hợp lệ",
    error: "Kết quả năm trước phải là số từ 0 đến 100 (đơn vị %).",
  };
}

// Excel refuses longer prompt/error texts (titles 32, prompt 255, error 225 characters)
function clamp(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + "…";
}

/** Merges rules that differ only by their cells, so the sheet carries few validation entries. */
export function groupRules(entries: { ref: string; rule: RuleShape }[]): DataValidationRule[] {
  const byShape = new Map<string, DataValidationRule>();
  for (const { ref, rule: raw } of entries) {
    const rule: RuleShape = {
      ...raw,
      promptTitle: clamp(raw.promptTitle, 32),
      prompt: clamp(raw.prompt, 255),
      errorTitle: clamp(raw.errorTitle, 32),
      error: clamp(raw.error, 225),
    };
    const key = JSON.stringify(rule);
    const existing = byShape.get(key);
    if (existing) existing.refs.push(ref);
    else byShape.set(key, { ...rule, refs: [ref] });
  }
  return [...byShape.values()];
}
