import { parseArgs } from "node:util";
import { defaultCatalog } from "../core/catalog";
import { catalogJson, catalogTable } from "./commands/catalog";
import { unitsTable } from "./commands/units";
import { registryFrom, UsageError } from "./files";
import { parseLang, type Lang } from "./lang";

// The `chitieu` command line. Exit codes: 0 ran; 1 --strict and error-level findings; 2 unusable input or usage.

const USAGE: Record<Lang, string> = {
  vi: `Cách dùng: chitieu <lệnh> [tùy chọn]
Lệnh:
  catalog [--json]          In danh mục chỉ tiêu của Nghị quyết 09-NQ/TU
  units [--year Y] [--units tệp.json] [--json]
                            In danh sách đơn vị báo cáo (theo năm)
Tùy chọn chung:
  --lang en                 Hiển thị bằng tiếng Anh
  --help                    Hướng dẫn`,
  en: `Usage: chitieu <command> [options]
Commands:
  catalog [--json]          Print the indicator catalog of Resolution 09-NQ/TU
  units [--year Y] [--units file.json] [--json]
                            Print the reporting units (of a year)
Common options:
  --lang en                 English output
  --help                    This help`,
};

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

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
        const year = values.year === undefined ? undefined : parseYear(values.year);
        io.out(values.json ? JSON.stringify(reg, null, 2) + "\n" : unitsTable(reg, lang, year));
        return 0;
      }
      default:
        io.err((lang === "vi" ? `Lệnh không rõ: ${command}\n` : `Unknown command: ${command}\n`) + USAGE[lang] + "\n");
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${lang === "vi" ? e.vi : e.en}\n`);
      return 2;
    }
    // checked by code, not instanceof: the error may come from another realm (test sandboxes)
    if (isParseArgsError(e)) {
      io.err(`${lang === "vi" ? "Tùy chọn không hợp lệ" : "Invalid option"}: ${(e as Error).message}\n${USAGE[lang]}\n`);
      return 2;
    }
    throw e;
  }
}

function parseYear(s: string): number {
  const y = Number(s);
  if (!Number.isInteger(y) || y < 2021 || y > 2030) {
    throw new UsageError(`Năm báo cáo không hợp lệ: "${s}" (cần từ 2021 đến 2030)`, `Invalid reporting year "${s}" (expected 2021 to 2030)`);
  }
  return y;
}

function isParseArgsError(e: unknown): boolean {
  return typeof e === "object" && e !== null && String((e as { code?: unknown }).code ?? "").startsWith("ERR_PARSE_ARGS");
}
