import type { Message } from "../messages";
import type { Trend } from "./types";

// A trend's outlook, small and on its own so screens can word it without loading the roll-up.

/** Whether a trend misses its target year at its pace: reached late, or not reached without speeding up. */
export function missesTarget(t: Trend | undefined): boolean {
  const p = t?.projection;
  return p !== undefined && p !== null && (p.kind === "not-at-this-pace" || (p.kind === "reached" && p.delayYears > 0));
}

/** The projection in words: "đạt năm 2027 — chậm 2 năm", "không đạt được nếu không tăng tốc", "chưa đủ số liệu". */
export function outlookMessage(t: Trend): Message {
  const p = t.projection;
  if (p === null) return { key: "consolidate.book.trend.no-target", params: {} };
  if (p.kind === "too-little-history") return { key: "consolidate.book.trend.too-little", params: {} };
  if (p.kind === "not-at-this-pace") return { key: "consolidate.book.trend.not-reached", params: {} };
  return p.delayYears > 0 ? { key: "consolidate.book.trend.late", params: { year: p.year, delay: p.delayYears } } : { key: "consolidate.book.trend.reached", params: { year: p.year } };
}
