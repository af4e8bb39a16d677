// The pinned outcome of every corpus workbook (tests/fixtures/corpus/expected.json), validated when loaded. The corpus
// tests compare what happens with it and fail on any change; scripts (the robustness record) read the same file.

import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export const EXPECTED_FILE = path.resolve(__dirname, "../fixtures/corpus/expected.json");

const refused = z.object({ refused: z.string().min(1), reason: z.string().min(10) }).strict();
const cannot = z.object({ cannot: z.string().min(1), reason: z.string().min(10) }).strict();
const tableOutcome = z.union([z.literal("found-marked-cleared"), cannot]);

const fileSchema = z
  .object({
    read: z.union([z.literal("ok"), refused]),
    check: z.union([z.literal("ok"), refused]),
    mark: z.union([z.literal("lossless"), refused]),
    clear: z.union([z.literal("lossless"), refused]),
    insert: z.union([z.literal("lossless"), refused]),
    /** Where our notes went when marking: on every marked cell ("ours", the default), or beside notes of theirs. */
    markNotes: z.enum(["ours", "beside-theirs", "skipped"]).optional(),
    table: z.object({ newSheet: tableOutcome, belowData: tableOutcome }).strict(),
  })
  .strict();

const expectedSchema = z.object({ about: z.string(), files: z.record(z.string(), fileSchema) }).strict();

export type FileExpectation = z.infer<typeof fileSchema>;
export type OperationName = "read" | "check" | "mark" | "clear" | "insert";

export const expected: Readonly<Record<string, FileExpectation>> = expectedSchema.parse(JSON.parse(readFileSync(EXPECTED_FILE, "utf8"))).files;

export function expectationFor(file: string): FileExpectation {
  const e = expected[file];
  if (!e) throw new Error(`${file} has no entry in ${EXPECTED_FILE}: pin what it must give`);
  return e;
}

/** The pinned outcome without its reason, to compare with what happened: "ok"/"lossless", or the refusal's code. */
export function pinned(file: string, op: OperationName): "ok" | "lossless" | { refused: string } {
  const o = expectationFor(file)[op];
  return typeof o === "string" ? o : { refused: o.refused };
}

/** The error code the operation must be refused with, or null when it must go through. */
export function refusalCode(file: string, op: OperationName): string | null {
  const o = expectationFor(file)[op];
  return typeof o === "string" ? null : o.refused;
}
