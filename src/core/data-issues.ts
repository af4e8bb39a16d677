import type { z } from "zod";

/** A data file's schema problems as "path: message" lines, so the person who edited the file can find each one. */
export function dataIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
}
