import { parseArgs } from "node:util";
import { defaultCatalog } from "../core/catalog";
import { runCheck } from "./commands/check";
import { catalogJson, catalogTable } from "./commands/catalog";
import { runClear } from "./commands/clear";
import { runConsolidate } from "./commands/consolidate";
import { runMap } from "./commands/map";
import { runTemplate } from "./commands/template";
import { unitsTable } from "./commands/units";
import { registryFrom } from "./files";
import { stdio, type Io } from "./io";
import { parseLang, type Lang } from "./lang";
import { parseYear } from "./options";
import { t } from "./strings";
import { userText } from "./user-text";

// The `chitieu` command line. Exit codes: 0 ran; 1 --strict and error-level findings; 2 unusable input or usage.

const USAGE: Record<Lang, string> = {
  vi: `Cách dùng: chitieu <lệnh> [tùy chọn]
Lệnh:
  catalog [--json]            In danh mục chỉ tiêu của Nghị quyết 09-NQ/TU
  units [--year Y] [--json]   In danh sách đơn vị báo cáo (theo năm)
  template --level <tinh|huyen|xa> --unit <tên hoặc mã> --year <YYYY> --out <tệp.xlsx>
                              Tạo biểu mẫu báo cáo chuẩn
  check <tệp.xlsx>... [--year Y] [--level L] [--unit U] [--out tệp-đánh-dấu.xlsx] [--json báo-cáo.json] [--strict]
        [--mapping ánh-xạ.json] [--accept-uncertain]
                              Kiểm tra số liệu với mục tiêu; --out ghi bản sao có đánh dấu (tệp gốc không bị sửa)
                              Bảng riêng của đơn vị: --mapping <ánh-xạ.json> dùng ánh xạ đã lưu, nếu không thì tự
                              nhận dạng; dòng cần xác nhận không được đánh giá trừ khi có --accept-uncertain
  map <tệp.xlsx> [--json] [--year Y] [--out ánh-xạ.json] [--into bản-sao.xlsx] [--accept-uncertain]
                              In ánh xạ đề xuất (chỉ tiêu nào ở ô nào, độ tin cậy, lý do) cho bảng riêng của đơn vị;
                              --into ghi bản sao sổ tính có lưu ánh xạ bên trong
  clear <tệp.xlsx> --out <tệp.xlsx>
                              Xóa các đánh dấu của Chỉ tiêu CĐS
  consolidate <tệp hoặc thư mục>... --year Y [--period 2025-H1] [--level L] --out tong-hop.xlsx [--json báo-cáo.json]
                              Tổng hợp sổ tính của các đơn vị thành báo cáo toàn tỉnh (tổng tử số / tổng mẫu số)
Tùy chọn chung:
  --units <tệp.json>          Dùng danh sách đơn vị riêng
  --force                     Cho phép ghi đè tệp kết quả đã có (không bao giờ ghi đè tệp đầu vào)
  --lang en                   Hiển thị bằng tiếng Anh
Mã thoát: 0 đã chạy; 1 có lỗi số liệu khi dùng --strict; 2 tệp hoặc tùy chọn không dùng được.`,
  en: `Usage: chitieu <command> [options]
Commands:
  catalog [--json]            Print the indicator catalog of Resolution 09-NQ/TU
  units [--year Y] [--json]   Print the reporting units (of a year)
  template --level <province|district|commune> --unit <name or code> --year <YYYY> --out <file.xlsx>
                              Write the standard report template
  check <file.xlsx>... [--year Y] [--level L] [--unit U] [--out marked.xlsx] [--json report.json] [--strict]
        [--mapping mapping.json] [--accept-uncertain]
                              Check figures against the targets; --out writes a highlighted copy (the input is never changed)
                              An office's own table: --mapping <mapping.json> uses a saved mapping, else it is
                              detected; rows to confirm are not judged unless --accept-uncertain is given
  map <file.xlsx> [--json] [--year Y] [--out mapping.json] [--into copy.xlsx] [--accept-uncertain]
                              Print the proposed mapping (which indicator is in which cell, confidence, reason);
                              --into writes a copy of the workbook that keeps the mapping inside
  clear <file.xlsx> --out <file.xlsx>
                              Remove Chỉ tiêu CĐS highlights
  consolidate <files or folders>... --year Y [--period 2025-H1] [--level L] --out summary.xlsx [--json report.json]
                              Consolidate the units' workbooks into the provincial report (sum of numerators / sum of denominators)
Common options:
  --units <file.json>         Use your own unit registry
  --force                     Allow replacing an existing output file (inputs are never overwritten)
  --lang en                   English output
Exit codes: 0 ran; 1 error-level findings with --strict; 2 unusable file or option.`,
};

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  const langIdx = argv.indexOf("--lang");
  const lang = parseLang(langIdx >= 0 ? argv[langIdx + 1] : undefined);
  if (!command || command === "--help" || command === "-h" || command === "help") {
    io.out(USAGE[lang] + "\n");
    return command ? 0 : 2;
  }
  try {
    switch (command) {
      case "catalog": {
        const { values } = parseArgs({ args: rest, options: { json: { type: "boolean" }, lang: { type: "string" } }, strict: true });
        const catalog = defaultCatalog();
        io.out(values.json ? JSON.stringify(catalogJson(catalog), null, 2) + "\n" : catalogTable(catalog, lang));
        return 0;
      }
      case "units": {
        const { values } = parseArgs({ args: rest, options: { json: { type: "boolean" }, year: { type: "string" }, units: { type: "string" }, lang: { type: "string" } }, strict: true });
        const reg = registryFrom(values.units);
        io.out(values.json ? JSON.stringify(reg, null, 2) + "\n" : unitsTable(reg, lang, parseYear(values.year)));
        return 0;
      }
      case "template":
        return runTemplate(rest, lang, io);
      case "check":
        return await runCheck(rest, lang, io);
      case "clear":
        return await runClear(rest, lang, io);
      case "consolidate":
        return await runConsolidate(rest, lang, io);
      case "map":
        return await runMap(rest, lang, io);
      default:
        io.err(`${t(lang, "usage.unknown-command", { command })}\n${USAGE[lang]}\n`);
        return 2;
    }
  } catch (e) {
    // checked by code, not instanceof: the error may come from another realm (test sandboxes)
    if (isParseArgsError(e)) {
      io.err(`${t(lang, "usage.bad-option", { detail: (e as Error).message })}\n${USAGE[lang]}\n`);
      return 2;
    }
    const text = userText(e, lang);
    if (text !== null) {
      io.err(`${text}\n`);
      return 2;
    }
    throw e;
  }
}

function isParseArgsError(e: unknown): boolean {
  return typeof e === "object" && e !== null && String((e as { code?: unknown }).code ?? "").startsWith("ERR_PARSE_ARGS");
}
