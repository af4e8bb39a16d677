import { z } from "zod";
import rawAbbreviations from "../../../seeds/abbreviations.json";
import { dataHint, dataIssue, parseData } from "../data-issues";
import { msg } from "../messages";
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
            short: z.string().min(1).refine(nfc, dataHint("data.nfc")).refine((s) => !/\s/.test(s), dataHint("data.one-word")),
            long: z.string().min(1).refine(nfc, dataHint("data.nfc")),
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
      if (seen.has(key)) ctx.addIssue(dataIssue("data.duplicate-abbreviation", { short: a.short }));
      seen.add(key);
    }
  });
export type Abbreviations = z.infer<typeof abbreviationsSchema>;

/** Folded short form → folded words it stands for. */
export type Expansions = ReadonlyMap<string, readonly string[]>;

export function loadAbbreviations(raw: unknown = rawAbbreviations): Expansions {
  const data = parseData(abbreviationsSchema, raw, msg("file.abbreviations"));
  return new Map(data.abbreviations.map((a) => [fold(a.short), fold(a.long).split(" ")]));
}

let bundled: Expansions | undefined;
export function defaultAbbreviations(): Expansions {
  return (bundled ??= loadAbbreviations());
}
