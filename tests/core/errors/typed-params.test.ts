import { ChitieuError } from "../../../src/core/errors";
import { formatMessage, msg } from "../../../src/core/messages";

// The parameters of a message are derived from its Vietnamese text, so a wrong key or parameter does not compile.
// `tsc --noEmit -p tsconfig.json` (npm run typecheck, run in CI) checks this file: each @ts-expect-error line must be
// an error, or the check fails. The lines run too, so what does compile also renders.

describe("message parameters are typed by their placeholders", () => {
  it("accepts exactly the placeholders of the message", () => {
    expect(formatMessage(msg("error.not-in-template", { code: "CQS-01" }), "vi")).toBe("Chỉ tiêu CQS-01 không có trong biểu mẫu này.");
    expect(new ChitieuError("error.too-large.input", { size: 3 * 1024 * 1024, limit: 2 * 1024 * 1024 }).text("vi")).toContain("3,0 MB");
    expect(new ChitieuError("error.no-indicators").code).toBe("no-indicators");
  });

  it("refuses a key that is not in the catalog", () => {
    // @ts-expect-error: no such key
    expect(() => new ChitieuError("error.no-such-key")).not.toThrow();
    // @ts-expect-error: a findings message is not an error
    expect(() => new ChitieuError("missing.empty")).not.toThrow();
  });

  it("refuses a missing parameter", () => {
    // @ts-expect-error: {code} is missing
    expect(new ChitieuError("error.not-in-template", {}).text("vi")).toContain("{code}");
    // @ts-expect-error: no parameters at all
    expect(new ChitieuError("error.not-in-template").text("vi")).toContain("{code}");
  });

  it("refuses an extra parameter", () => {
    // @ts-expect-error: "sheet" is not a placeholder of this message
    expect(new ChitieuError("error.not-in-template", { code: "CQS-01", sheet: "x" }).text("en")).toBe("Indicator CQS-01 is not in this template.");
    // @ts-expect-error: this message has no placeholders
    expect(new ChitieuError("error.no-workbook", { path: "a.xlsx" }).text("en")).toBe("No workbook is open.");
  });

  it("refuses a parameter of the wrong kind", () => {
    // @ts-expect-error: {size:bytes} is a number of bytes, not text
    expect(new ChitieuError("error.too-large.input", { size: "3 MB", limit: 1 }).code).toBe("too-large");
    // @ts-expect-error: {detail:message} is another catalog message, not text
    expect(new ChitieuError("error.corrupt-zip", { detail: "cut off" }).code).toBe("corrupt-zip");
    // @ts-expect-error: the nested message must itself be complete
    expect(new ChitieuError("error.corrupt-zip", { detail: msg("zip.entry-cut-off", {}) }).code).toBe("corrupt-zip");
  });

  it("narrows the parameters by key", () => {
    const e: ChitieuError = new ChitieuError("error.sheet-exists", { sheet: "Báo cáo", suggestion: "Báo cáo (2)" });
    if (!e.is("error.sheet-exists")) throw new Error("expected sheet-exists");
    expect(e.params.suggestion).toBe("Báo cáo (2)");
    // @ts-expect-error: sheet-exists has no {path}
    expect(e.params.path).toBeUndefined();
  });
});
