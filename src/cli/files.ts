import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { ChitieuError } from "../core/errors";
import { msg, type MessageRef } from "../core/messages";
import { loadUnits, type UnitRegistry } from "../core/units";
import { openPackage } from "../hosts/xlsx/package";
import { workbookExtension } from "../hosts/xlsx/workbook-kind";

// The user's files: what cannot be read or written is a ChitieuError (shown as is, exit code 2), naming the file.

/** The bundled registry, or the user's own JSON file in the same shape (its problems name the file and each field). */
export function registryFrom(path: string | undefined): UnitRegistry {
  if (!path) return loadUnits();
  const text = new TextDecoder().decode(readInput(path));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ChitieuError("error.not-json", { path, detail: e instanceof Error ? e.message : String(e) }, { cause: e });
  }
  return loadUnits(raw, msg("file.units-at", { path }));
}

/** Reads an input file; a missing or unreadable file is the user's problem, said plainly. */
export function readInput(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENOENT") throw new ChitieuError("error.no-such-file", { path }, { cause: e });
    if (code === "EISDIR") throw new ChitieuError("error.is-folder", { path }, { cause: e });
    throw new ChitieuError("error.cannot-read", { path, detail: String((e as Error).message) }, { cause: e });
  }
}

/** The path with links resolved, or as given when it does not exist (the system's call: one per path, for thousands of inputs). */
function realPath(p: string): string {
  return existsSync(p) ? realpathSync.native(p) : resolve(p);
}

/** Checked before any work, so a mistyped --out never costs the user a run, let alone their file. */
export function refuseInputAsOutput(path: string, inputs: readonly string[]): void {
  const out = realPath(path);
  if (inputs.some((i) => realPath(i) === out)) {
    throw new ChitieuError("error.input-as-output", { file: basename(path) });
  }
}

/**
 * Writes an output file. Never over an input: officials' files are never overwritten. An existing output is replaced
 * only with --force.
 */
export function writeOutput(path: string, bytes: Uint8Array | string, inputs: readonly string[], force: boolean): void {
  checkOutput(path, inputs, force);
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    const reason = WRITE_REASONS[(e as { code?: string }).code ?? ""];
    if (!reason) throw e;
    throw new ChitieuError("error.cannot-write", { path, reason }, { cause: e });
  }
}

/** Why the system refused to write, in the user's words; any other failure is not theirs to fix and stays an Error. */
const WRITE_REASONS: Record<string, MessageRef> = {
  ENOENT: msg("term.write.no-folder"),
  ENOTDIR: msg("term.write.no-folder"),
  EACCES: msg("term.write.denied"),
  EPERM: msg("term.write.denied"),
  EISDIR: msg("term.write.is-folder"),
  EROFS: msg("term.write.read-only"),
  ENOSPC: msg("term.write.full"),
};

/**
 * The marked or cleared copy is an Excel workbook: a name such as "x.xls" or "x.csv" would give a file that Excel
 * refuses or misreads, so the name is refused before any work, with the name to use instead.
 */
export function refuseOutputKind(out: string, allowed: readonly string[] = [".xlsx", ".xlsm"]): void {
  const ext = extname(out).toLowerCase();
  if (allowed.includes(ext)) return;
  const stem = ext ? basename(out).slice(0, -ext.length) : basename(out);
  throw new ChitieuError("error.out-extension", { ext: ext || basename(out), allowed: allowed.join(", "), suggestion: stem + ".xlsx" });
}

/** What writeOutput refuses, checked up front (before a long run): an input, or an existing file without --force. */
export function checkOutput(path: string, inputs: readonly string[], force: boolean): void {
  refuseInputAsOutput(path, inputs);
  if (!force && existsSync(path)) {
    throw new ChitieuError("error.output-exists", { path });
  }
}

/**
 * A marked or cleared copy keeps the input's kind: an .xlsm (macros) written under an .xlsx name, or the reverse, is a
 * file Excel refuses to open. We refuse the name rather than silently rename or drop the macros.
 */
export function refuseWrongExtension(out: string, input: string, bytes: Uint8Array): void {
  const ext = extname(out).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".xlsm") return;
  const kind = workbookExtension(openPackage(bytes));
  if (ext === kind) return;
  const suggestion = basename(out).slice(0, -ext.length) + kind;
  throw new ChitieuError(kind === ".xlsm" ? "error.wrong-extension.macros" : "error.wrong-extension.no-macros", { file: basename(input), suggestion });
}
