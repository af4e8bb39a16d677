export { check, toFinding } from "./build";
export { summarize, type StatusCounts, type Summary } from "./summarize";
export { formatFinding } from "./format";
export type { Finding, FindingTarget } from "./types";
