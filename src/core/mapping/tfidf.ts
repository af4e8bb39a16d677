import type { Catalog, Indicator } from "../catalog/schema";
import type { Expansions } from "./abbreviations";
import { labelWords } from "./label";

// TF-IDF over the catalog's wordings (label, official text, aliases, numerator/denominator names): each wording is a
// document of words and word pairs (Vietnamese words are mostly two syllables, so pairs carry much of the meaning).
// A label scores against an indicator by the cosine with its closest wording. Unknown words one edit away from a
// catalog word are read as that word (typos).

/** Words too common to say anything on their own; they still count inside word pairs. */
const STOPWORDS: ReadonlySet<string> = new Set([
  "ty", "le", "so", "cua", "va", "cac", "duoc", "tren", "trong", "theo", "cho", "co", "da", "la", "voi", "qua", "tai",
  "nam", "hien", "the", "tong", "nhung", "mot", "dang", "dua", "len", "vao", "tu", "den", "dat", "it", "nhat", "01",
]);

type Vector = Map<string, number>;

interface Wording {
  indicator: Indicator;
  vector: Vector;
}

export interface Scored {
  indicator: Indicator;
  score: number;
}

function features(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (f: string) => counts.set(f, (counts.get(f) ?? 0) + 1);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!STOPWORDS.has(w)) add(w);
    if (i + 1 < words.length) add(`${w} ${words[i + 1]}`);
  }
  return counts;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

export class WordingIndex {
  private readonly wordings: Wording[] = [];
  private readonly idf = new Map<string, number>();
  private readonly vocabulary = new Set<string>();
  private readonly corrections = new Map<string, string>();
  private readonly byFeature = new Map<string, number[]>();

  constructor(
    catalog: Catalog,
    private readonly expansions: Expansions,
  ) {
    const docs: { indicator: Indicator; counts: Map<string, number> }[] = [];
    for (const ind of catalog.indicators) {
      if (ind.qualitative) continue;
      const texts = [ind.label.vi, ind.text, ...ind.aliases];
      if (ind.unit.kind === "ratio") texts.push(ind.unit.numerator.vi);
      for (const text of texts) {
        const words = labelWords(text, expansions);
        for (const w of words) this.vocabulary.add(w);
        docs.push({ indicator: ind, counts: features(words) });
      }
    }
    const df = new Map<string, number>();
    for (const d of docs) for (const f of d.counts.keys()) df.set(f, (df.get(f) ?? 0) + 1);
    for (const [f, n] of df) this.idf.set(f, Math.log(1 + docs.length / n));
    for (const [k, d] of docs.entries()) {
      this.wordings.push({ indicator: d.indicator, vector: this.weigh(d.counts) });
      for (const f of d.counts.keys()) {
        const list = this.byFeature.get(f);
        if (list) list.push(k);
        else this.byFeature.set(f, [k]);
      }
    }
  }

  private weigh(counts: Map<string, number>): Vector {
    const v: Vector = new Map();
    let norm = 0;
    for (const [f, n] of counts) {
      const idf = this.idf.get(f);
      if (idf === undefined) continue;
      const w = (1 + Math.log(n)) * idf;
      v.set(f, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [f, w] of v) v.set(f, w / norm);
    return v;
  }

  /** A word not in the catalog read as the catalog word one edit away, if exactly one is ("xuat" → "suat"). */
  private correct(word: string): string {
    if (this.vocabulary.has(word) || word.length < 4 || /\d/.test(word)) return word;
    const known = this.corrections.get(word);
    if (known !== undefined) return known;
    let found: string | undefined;
    let count = 0;
    for (const v of this.vocabulary) {
      if (v.length >= 4 && editDistanceAtMostOne(word, v)) {
        found = v;
        count++;
      }
    }
    const result = count === 1 ? found! : word;
    this.corrections.set(word, result);
    return result;
  }

  words(text: string): string[] {
    return labelWords(text, this.expansions).map((w) => this.correct(w));
  }

  /** Indicators by their best wording's cosine with the label, best first (only those sharing a feature). */
  score(text: string): Scored[] {
    const query = this.weigh(features(this.words(text)));
    const dots = new Map<number, number>();
    for (const [f, w] of query) {
      for (const k of this.byFeature.get(f) ?? []) dots.set(k, (dots.get(k) ?? 0) + w * this.wordings[k]!.vector.get(f)!);
    }
    const best = new Map<string, Scored>();
    for (const [k, dot] of dots) {
      const ind = this.wordings[k]!.indicator;
      const prev = best.get(ind.code);
      if (!prev || dot > prev.score) best.set(ind.code, { indicator: ind, score: dot });
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }
}
