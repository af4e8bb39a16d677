import { readFileSync } from "node:fs";
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
