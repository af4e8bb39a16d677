// Our conditional-format blocks in a worksheet: inserted whole at the place CT_Worksheet order requires, removed whole.

import type { Severity } from "../../../core/highlight-plan";
import { OUR_FORMULA } from "./ours";
import { escapeAttr } from "../xml/escape";
import { childrenOf, qualify, unescapeXml, type Root, type Splice } from "./xml-text";
import { elementsAfter } from "./worksheet-order";

const AFTER_CONDITIONAL_FORMATTING = elementsAfter("conditionalFormatting");

export interface OurRule {
  severity: Severity;
  dxfId: number;
  /** A1 cell names, in sheet order. */
  cells: string[];
}

/** Highest cfRule priority already used in the sheet, x14 rules in extLst included (they share the numbering). */
export function maxPriority(sheetText: string): number {
  let max = 0;
  const re = /<(?:[A-Za-z_][\w.-]*:)?cfRule\b[^>]*?\spriority\s*=\s*["']([0-9]+)["']/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(sheetText))) max = Math.max(max, Number(m[1]));
  return max;
}

/** Splice inserting one block per severity; priorities above every existing rule, most severe first. */
export function insertOurRules(sheetText: string, root: Root, rules: readonly OurRule[]): Splice | undefined {
  if (rules.length === 0) return undefined;
  const p = root.prefix;
  const q = (n: string) => qualify(p, n);
  let priority = maxPriority(sheetText);
  const xml = rules
    .map(
      (r) =>
        `<${q("conditionalFormatting")} sqref="${escapeAttr(r.cells.join(" "))}">` +
        `<${q("cfRule")} type="expression" dxfId="${r.dxfId}" priority="${++priority}">` +
        `<${q("formula")}>${OUR_FORMULA}</${q("formula")}>` +
        `</${q("cfRule")}></${q("conditionalFormatting")}>`,
    )
    .join("");
  const before = root.children.find((c) => AFTER_CONDITIONAL_FORMATTING.has(c.local));
  return { at: before ? before.start : root.closeStart, remove: 0, insert: xml };
}

/** Splices removing every conditionalFormatting block whose rules are all ours. */
export function removeOurRules(sheetText: string, root: Root): Splice[] {
  return root.children
    .filter((c) => c.local === "conditionalFormatting" && c.qname === qualify(root.prefix, "conditionalFormatting"))
    .filter((c) => {
      const rules = childrenOf(sheetText, c).filter((r) => r.local === "cfRule");
      return rules.length > 0 && rules.every((r) => isOurRule(sheetText.slice(r.start, r.end)));
    })
    .map((c) => ({ at: c.start, remove: c.end - c.start, insert: "" }));
}

export function isOurRule(cfRuleXml: string): boolean {
  const formulas = [...cfRuleXml.matchAll(/<(?:[\w.-]+:)?formula>([\s\S]*?)<\/(?:[\w.-]+:)?formula>/g)];
  return formulas.length === 1 && unescapeXml(formulas[0]?.[1] ?? "").trim() === OUR_FORMULA;
}
