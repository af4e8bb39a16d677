// Our conditional-format blocks in a worksheet: inserted whole at the place CT_Worksheet order requires, removed whole.

import type { Severity } from "../../../core/highlight-plan";
import { isOurRuleFormula } from "../../../core/our-marks";
import { escapeAttr, escapeText } from "../xml/escape";
import { childrenOf, qualify, unescapeXml, type Root, type Splice } from "./xml-text";
import { elementsAfter } from "./worksheet-order";

const AFTER_CONDITIONAL_FORMATTING = elementsAfter("conditionalFormatting");

export interface OurRule {
  severity: Severity;
  dxfId: number;
  /** A1 cell names, in sheet order; a live rule has one (its references are relative to it). */
  cells: string[];
  /** OUR_FORMULA (always true) or one of our live formulas (ourLiveFormula). */
  formula: string;
}

interface PriorityAttr {
  /** Where the digits start and end in the sheet text. */
  start: number;
  end: number;
  value: number;
}

/** Every cfRule's priority in the sheet, x14 rules in extLst included (they share the numbering). */
function priorities(sheetText: string): PriorityAttr[] {
  const out: PriorityAttr[] = [];
  const re = /<(?:[A-Za-z_][\w.-]*:)?cfRule\b[^>]*?\spriority\s*=\s*["']([0-9]+)["']/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(sheetText))) {
    const end = m.index + m[0].length - 1;
    out.push({ start: end - m[1]!.length, end, value: Number(m[1]) });
  }
  return out;
}

/** Splices renumbering the priorities outside the given ranges by `by` (the digits only, nothing else touched). */
function shiftPriorities(sheetText: string, by: number, outside: readonly { start: number; end: number }[] = []): Splice[] {
  return priorities(sheetText)
    .filter((p) => !outside.some((r) => r.start <= p.start && p.end <= r.end))
    .map((p) => ({ at: p.start, remove: p.end - p.start, insert: String(p.value + by) }));
}

/**
 * Splices inserting one block per rule (a static rule per severity, a live rule per cell). Our rules take priorities 1..n (the first evaluated, so a template's own red
 * or green rule on the same cell never paints over our mark) and every existing rule moves down by n; clearing moves
 * them back, so a cleared file is the original byte for byte.
 */
export function insertOurRules(sheetText: string, root: Root, rules: readonly OurRule[]): Splice[] {
  if (rules.length === 0) return [];
  const p = root.prefix;
  const q = (n: string) => qualify(p, n);
  let priority = 0;
  const xml = rules
    .map(
      (r) =>
        `<${q("conditionalFormatting")} sqref="${escapeAttr(r.cells.join(" "))}">` +
        `<${q("cfRule")} type="expression" dxfId="${r.dxfId}" priority="${++priority}">` +
        `<${q("formula")}>${escapeText(r.formula)}</${q("formula")}>` +
        `</${q("cfRule")}></${q("conditionalFormatting")}>`,
    )
    .join("");
  // before the sheet's own blocks: Excel goes by priority, but LibreOffice applies the first block that matches a
  // cell in document order, so a template's own red rule on the same cell would otherwise hide our mark there
  const before = root.children.find((c) => c.local === "conditionalFormatting" || AFTER_CONDITIONAL_FORMATTING.has(c.local));
  return [{ at: before ? before.start : root.closeStart, remove: 0, insert: xml }, ...shiftPriorities(sheetText, rules.length)];
}

/**
 * Splices removing every conditionalFormatting block whose rules are all ours. When ours held priorities 1..n (as we
 * write them), the other rules move back up by n; rules from an older version sat below the others and stay as they are.
 */
export function removeOurRules(sheetText: string, root: Root): Splice[] {
  const ours = root.children
    .filter((c) => c.local === "conditionalFormatting" && c.qname === qualify(root.prefix, "conditionalFormatting"))
    .filter((c) => {
      const rules = childrenOf(sheetText, c).filter((r) => r.local === "cfRule");
      return rules.length > 0 && rules.every((r) => isOurRule(sheetText.slice(r.start, r.end)));
    });
  const removals = ours.map((c) => ({ at: c.start, remove: c.end - c.start, insert: "" }));
  const inOurs = (p: PriorityAttr) => ours.some((c) => c.start <= p.start && p.end <= c.end);
  const ourPriorities = priorities(sheetText).filter(inOurs).map((p) => p.value).sort((a, b) => a - b);
  const onTop = ourPriorities.length > 0 && ourPriorities.every((v, i) => v === i + 1);
  return onTop ? [...removals, ...shiftPriorities(sheetText, -ourPriorities.length, ours)] : removals;
}

export function isOurRule(cfRuleXml: string): boolean {
  const formulas = [...cfRuleXml.matchAll(/<(?:[\w.-]+:)?formula>([\s\S]*?)<\/(?:[\w.-]+:)?formula>/g)];
  return formulas.length === 1 && isOurRuleFormula(unescapeXml(formulas[0]?.[1] ?? ""));
}
