// Text we write into XML must stay well-formed XML whatever it holds: a control character typed (or read) into a
// name or a cell would otherwise make Excel refuse the whole file.

import { SaxesParser } from "saxes";
import { escapeAttr, escapeText } from "../../../../src/hosts/xlsx/xml/escape";
import { applyHighlights } from "../../../../src/hosts/xlsx/mark";
import { mark, open, plan, text, tinyWorkbook } from "../mark/helpers";

/** Parses with an independent XML parser; throws on anything not well-formed. */
function parsedText(xml: string): string {
  const parser = new SaxesParser();
  let out = "";
  parser.on("text", (t) => (out += t));
  parser.on("attribute", (a) => (out += `[${a.name}=${a.value}]`));
  parser.write(xml).close();
  return out;
}

describe("escaping what we write into XML", () => {
  it("drops the control characters XML 1.0 forbids, keeps tab and line breaks", () => {
    const raw = "Số\u0000 liệu\u0007\u000B\u000C\u001F\uFFFE\uFFFF\tô\nB3\r";
    expect(escapeText(raw)).toBe("Số liệu\tô\nB3\r");
    expect(parsedText(`<t>${escapeText(raw)}</t>`)).toBe("Số liệu\tô\nB3\n");
  });

  it("escapes markup in text and quotes, tabs and line breaks in attributes, so they read back as written", () => {
    const raw = 'A & B < "C" > D\te\nf';
    expect(parsedText(`<t>${escapeText(raw)}</t>`)).toBe('A & B < "C" > D\te\nf');
    expect(parsedText(`<t a="${escapeAttr(raw)}"/>`)).toBe(`[a=${raw}]`);
  });

  it("writes NFC, as every text the user sees is", () => {
    expect(escapeText("Ba\u0301o ca\u0301o")).toBe("Báo cáo");
  });

  it("keeps a marked workbook well-formed when a note quotes a control character from a cell", () => {
    const book = tinyWorkbook({ sheets: [{ name: "Báo cáo" }] });
    const out = open(applyHighlights(book, plan(mark("Báo cáo", "B3", "error", "Ô có ký tự lạ \u0007 <&>"))));
    const comments = parsedText(text(out, "xl/chitieuCdsNotes1.xml"));
    expect(comments).toContain("Ô có ký tự lạ  <&>");
    expect(comments).not.toContain("\u0007");
  });
});
