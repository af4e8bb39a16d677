// Errors raised while scanning XML parts, pointing at the part and line so a user can report them precisely.

import { XlsxError } from "../errors";

export function lineAt(src: string, pos: number): number {
  let line = 1;
  for (let i = src.indexOf("\n"); i >= 0 && i < pos; i = src.indexOf("\n", i + 1)) line++;
  return line;
}

export function malformedXml(part: string, src: string, pos: number, whatEn: string, whatVi: string): XlsxError {
  const line = lineAt(src, pos);
  return new XlsxError("malformed-xml", {
    vi: `Tệp bị hỏng: thành phần "${part}" không phải XML hợp lệ (dòng ${line}: ${whatVi}). Hãy mở bằng Excel; nếu Excel sửa được tệp, hãy lưu lại rồi thử lại.`,
    en: `The file is damaged: the part "${part}" is not well-formed XML (line ${line}: ${whatEn}). Open it in Excel; if Excel repairs it, save it and try again.`,
  });
}

export function xmlEntitiesRefused(part: string): XlsxError {
  return new XlsxError("xml-entities", {
    vi: `Tệp bị từ chối: thành phần "${part}" khai báo DTD hoặc thực thể XML (<!DOCTYPE>/<!ENTITY>). Tệp Excel thật không bao giờ dùng chúng; đây là dấu hiệu tệp được tạo để gây hại (bom thực thể XML).`,
    en: `The file was refused: the part "${part}" declares a DTD or XML entities (<!DOCTYPE>/<!ENTITY>). Real Excel files never use them; this is the mark of a hostile file (XML entity bomb).`,
  });
}
