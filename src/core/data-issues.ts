import type { z } from "zod";

/** A data file's schema problems as "path: message" lines, so the person who edited the file can find each one. */
export function dataIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
}

/** A data file (catalog, unit registry) that does not match its schema: every problem with its path, under a title. */
export class DataFileError extends Error {
  constructor(
    title: string,
    readonly issues: string[],
  ) {
    super(`${title}:\n- ${issues.join("\n- ")}`);
    this.name = "DataFileError";
  }
}

/** The parsed data, or the error `fail` makes of its problems. */
export function parseData<T>(schema: z.ZodType<T>, raw: unknown, fail: (issues: string[]) => DataFileError): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw fail(dataIssues(parsed.error));
  return parsed.data;
}
