import { z } from "zod";
import { dataHint, dataIssue } from "../data-issues";

// The indicator catalog is data (seeds/catalog.json); this schema is its contract, checked on every load.

export const LEVELS = ["province", "district", "commune"] as const;
export const levelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof levelSchema>;

/** A target may apply to one level or to every level that reports the indicator. */
export const targetLevelSchema = z.enum(["province", "district", "commune", "all"]);
export type TargetLevel = z.infer<typeof targetLevelSchema>;

export const PILLARS = ["digital-government", "digital-economy", "digital-society", "foundation"] as const;
export const pillarSchema = z.enum(PILLARS);
export type Pillar = z.infer<typeof pillarSchema>;

/** ">=" for "100%", "tối thiểu", "ít nhất", "trở lên"; ">" for "trên"; "<=" for ranks ("45/63"). */
export const comparatorSchema = z.enum([">=", ">", "<="]);
export type Comparator = z.infer<typeof comparatorSchema>;

const nfc = (s: string) => s === s.normalize("NFC");
export const textSchema = z.string().min(1).refine(nfc, dataHint("data.nfc"));
export const bilingualSchema = z.object({ vi: textSchema, en: textSchema }).strict();
export type Bilingual = z.infer<typeof bilingualSchema>;

/** Where in the resolution a number comes from: a clause such as "II.2.2.1.a" and, inside it, the bullet (1-based). */
export const sourceSchema = z
  .object({
    clause: z.string().regex(/^(I|II|III|IV)(\.[0-9a-z]+)*$/, dataHint("data.clause")),
    bullet: z.number().int().positive().optional(),
    quote: textSchema.optional(),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;

/**
 * How a figure is entered.
 * - ratio: numerator and denominator; the result is a percentage.
 * - percent: the percentage entered directly (e.g. digital economy share of GRDP).
 * - growth: a yearly growth rate in percent; may be negative or above 100.
 * - count: a whole number.
 * - rank: a position 1..fieldSize (fieldSize is the field the target was set against).
 * - yesno: one yes/no per reporting unit; above that level it becomes a share of units.
 */
export const unitSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("ratio"),
      numerator: bilingualSchema,
      denominator: bilingualSchema,
      /** What is counted: whole things (records, people), or an amount (hectares, money) that may have decimals. */
      quantity: z.enum(["count", "amount"]).default("count"),
    })
    .strict(),
  z.object({ kind: z.literal("percent") }).strict(),
  z.object({ kind: z.literal("growth") }).strict(),
  z.object({ kind: z.literal("count"), of: bilingualSchema }).strict(),
  z.object({ kind: z.literal("rank"), fieldSize: z.number().int().positive() }).strict(),
  /** Answered yes/no by each unit of `unitLevel`; a higher level enters it as units-with / all units (a share of units). */
  z.object({ kind: z.literal("yesno"), subject: bilingualSchema, unitLevel: levelSchema }).strict(),
]);
export type UnitSpec = z.infer<typeof unitSchema>;
export type UnitKind = UnitSpec["kind"];

/**
 * How unit figures roll up to the province.
 * - ratio-of-sums: sum numerators over sum denominators (never an average of percentages).
 * - share-of-units: yes/no answers become the share of units answering yes.
 * - province-only: only the province reports it; nothing to consolidate.
 * - sum: counts add up.
 */
export const consolidationSchema = z.enum(["ratio-of-sums", "share-of-units", "province-only", "sum"]);
export type Consolidation = z.infer<typeof consolidationSchema>;

/** The years the resolution covers ("giai đoạn 2021 – 2025, định hướng đến năm 2030"): every target lies inside. */
export const periodSchema = z
  .object({ from: z.number().int(), to: z.number().int() })
  .strict()
  .refine((p) => p.from <= p.to, "period.from must not be after period.to");
export type Period = z.infer<typeof periodSchema>;

export const targetSchema = z
  .object({
    /** A target year, or "annual" for a yearly target valid over `period`. */
    year: z.union([z.number().int(), z.literal("annual")]),
    period: z.object({ from: z.number().int(), to: z.number().int() }).strict().optional(),
    level: targetLevelSchema,
    value: z.number(),
    comparator: comparatorSchema,
    source: sourceSchema,
    /** The 2030 text restates nothing for this indicator: the 2025 value is kept as the floor, not invented anew. */
    carried: z.boolean().optional(),
    /** "phấn đấu" (strive for) in the text: still a target, worded as an aspiration. */
    aspirational: z.boolean().optional(),
  })
  .strict()
  .refine((t) => (t.year === "annual") === (t.period !== undefined), dataHint("data.annual-period"));
export type Target = z.infer<typeof targetSchema>;

export const baselineSchema = z
  .object({ year: z.number().int(), value: z.number(), source: sourceSchema, note: bilingualSchema.optional() })
  .strict();
export type Baseline = z.infer<typeof baselineSchema>;

export const indicatorSchema = z
  .object({
    code: z.string().regex(/^[A-Z]{2,4}-\d{2}$/, dataHint("data.indicator-code")),
    pillar: pillarSchema,
    /** The official wording, OCR errors corrected. */
    text: textSchema,
    label: bilingualSchema,
    unit: unitSchema,
    levels: z.array(levelSchema).min(1),
    consolidation: consolidationSchema,
    targets: z.array(targetSchema),
    baselines: z.array(baselineSchema).default([]),
    exclusions: z.array(bilingualSchema).default([]),
    aliases: z.array(textSchema).default([]),
    keywords: z.array(textSchema).default([]),
    /** A goal the text states without a number: listed so nobody thinks it was forgotten, never judged. */
    qualitative: z.boolean().default(false),
    note: bilingualSchema.optional(),
  })
  .strict()
  .superRefine((ind, ctx) => {
    if (!ind.qualitative && ind.targets.length === 0) ctx.addIssue(dataIssue("data.needs-targets", { code: ind.code }));
    for (const t of ind.targets) {
      if (t.level !== "all" && !ind.levels.includes(t.level))
        ctx.addIssue(dataIssue("data.target-level", { code: ind.code, level: t.level }));
    }
    if (ind.consolidation === "province-only" && (ind.levels.length !== 1 || ind.levels[0] !== "province"))
      ctx.addIssue(dataIssue("data.province-only", { code: ind.code }));
    if (ind.unit.kind === "rank" && ind.targets.some((t) => t.comparator !== "<="))
      ctx.addIssue(dataIssue("data.rank-comparator", { code: ind.code }));
  });
export type Indicator = z.infer<typeof indicatorSchema>;

/** A number in the text that is not a target, with the reason (the coverage test accepts these). */
export const notTargetSchema = z
  .object({ value: z.number(), source: sourceSchema, reason: bilingualSchema })
  .strict();
export type NotTarget = z.infer<typeof notTargetSchema>;

export const catalogSchema = z
  .object({
    id: z.string().min(1),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    resolution: z
      .object({ number: textSchema, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), title: textSchema, issuer: textSchema, period: periodSchema })
      .strict(),
    pillars: z.array(z.object({ id: pillarSchema, order: z.number().int(), heading: bilingualSchema }).strict()),
    indicators: z.array(indicatorSchema).min(1),
    notTargets: z.array(notTargetSchema).default([]),
  })
  .strict()
  .superRefine((cat, ctx) => {
    const seen = new Set<string>();
    for (const ind of cat.indicators) {
      if (seen.has(ind.code)) ctx.addIssue(dataIssue("data.duplicate-indicator", { code: ind.code }));
      seen.add(ind.code);
    }
    for (const p of PILLARS) if (!cat.pillars.some((x) => x.id === p)) ctx.addIssue(dataIssue("data.pillar-heading", { pillar: p }));
    const { from, to } = cat.resolution.period;
    for (const ind of cat.indicators)
      for (const t of ind.targets) {
        const years = t.year === "annual" ? [t.period?.from ?? from, t.period?.to ?? to] : [t.year];
        if (years.some((y) => y < from || y > to))
          ctx.addIssue(dataIssue("data.target-outside-period", { code: ind.code, years: years.join("–"), from, to }));
      }
  });
export type Catalog = z.infer<typeof catalogSchema>;
