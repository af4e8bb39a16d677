import { z } from "zod";
import rawAbbreviations from "../../../seeds/abbreviations.json";
import { DataFileError, parseData } from "../data-issues";
import { fold } from "../text";

// The shorthand offices type in labels (CQNN, DVCTT, HSSK…) is data (seeds/abbreviations.json), checked on load.

const nfc = (s: string) => s === s.normalize("NFC");

export const abbreviationsSchema = z
  .object({
    about: z.string().optional(),
    abbreviations: z
      .array(
        z
          .object({
            short: z.string().min(1).refine(nfc, "NFC").refine((s) => !/\s/.test(s), "one word, no spaces"),
            long: z.string().min(1).refine(nfc, "NFC"),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    for (const a of data.abbreviations) {
      const key = fold(a.short);
      if (seen.has(key)) ctx.addIssue({ code: "custom", message: `abbreviation ${a.short} is listed twice` });
      seen.add(key);
    }
  });
export type Abbreviations = z.infer<typeof abbreviationsSchema>;

export class AbbreviationsError extends DataFileError {
  constructor(issues: string[]) {
    super("Danh sách chữ viết tắt không hợp lệ / Invalid abbreviation list", issues);
    this.name = "AbbreviationsError";
  }
}

/** Folded short form → folded words it stands for. */
export type Expansions = ReadonlyMap<string, readonly string[]>;

export function loadAbbreviations(raw: unknown = rawAbbreviations): Expansions {
  const data = parseData(abbreviationsSchema, raw, (issues) => new AbbreviationsError(issues));
  return new Map(data.abbreviations.map((a) => [fold(a.short), fold(a.long).split(" ")]));
}

let bundled: Expansions | undefined;
export function defaultAbbreviations(): Expansions {
  return (bundled ??= loadAbbreviations());
}
