import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { loadUnits, UnitRegistryError, type UnitRegistry } from "../core/units";

/** A problem with what the user gave us: shown as is, exit code 2. */
export class UsageError extends Error {
  constructor(readonly vi: string, readonly en: string) {
    super(en);
    this.name = "UsageError";
  }
}

/** The bundled registry, or the user's own JSON file in the same shape. */
export function registryFrom(path: string | undefined): UnitRegistry {
  if (!path) return loadUnits();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new UsageError(`Không đọc được tệp danh sách đơn vị ${path}: ${why}`, `Cannot read the unit registry ${path}: ${why}`);
  }
  try {
    return loadUnits(raw);
  } catch (e) {
    if (e instanceof UnitRegistryError) {
      const list = e.issues.join("; ");
      throw new UsageError(`Tệp danh sách đơn vị ${path} không hợp lệ: ${list}`, `The unit registry ${path} is invalid: ${list}`);
    }
    throw e;
  }
}

/** Reads an input workbook; a missing or unreadable file is the user's problem, said plainly. */
export function readInput(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENOENT") throw new UsageError(`Không có tệp ${path}`, `No such file: ${path}`);
    if (code === "EISDIR") throw new UsageError(`${path} là thư mục, không phải tệp .xlsx`, `${path} is a folder, not an .xlsx file`);
    throw new UsageError(`Không đọc được tệp ${path}: ${String((e as Error).message)}`, `Cannot read ${path}: ${String((e as Error).message)}`);
  }
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
}

/** Checked before any work, so a mistyped --out never costs the user a run, let alone their file. */
export function refuseInputAsOutput(path: string, inputs: readonly string[]): void {
  if (inputs.some((i) => samePath(i, path))) {
    throw new UsageError(
      `Không ghi đè tệp gốc ${basename(path)}: hãy chọn tên khác cho --out.`,
      `Refusing to overwrite the input ${basename(path)}: choose another --out name.`,
    );
  }
}

/**
 * Writes an output file. Never over an input: officials' files are never overwritten. An existing output is replaced
 * only with --force.
 */
export function writeOutput(path: string, bytes: Uint8Array | string, inputs: readonly string[], force: boolean): void {
  checkOutput(path, inputs, force);
  writeFileSync(path, bytes);
}

/** What writeOutput refuses, checked up front (before a long run): an input, or an existing file without --force. */
export function checkOutput(path: string, inputs: readonly string[], force: boolean): void {
  refuseInputAsOutput(path, inputs);
  if (!force && existsSync(path)) {
    throw new UsageError(`Tệp ${path} đã tồn tại: thêm --force để ghi đè.`, `${path} already exists: add --force to replace it.`);
  }
}
