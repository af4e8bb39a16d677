// Number format codes: only one question matters here, "does Excel show this number multiplied by 100?".

const cache = new Map<string, boolean>();

/**
 * True when the format has a % outside quoted text ("0.0%"), brackets ("[Red]", "[$%-409]") and escapes ("\%").
 * Formats repeat across a sheet, so answers are cached.
 */
export function isPercentFormat(format: string): boolean {
  if (format.length === 0 || format === "General") return false;
  const known = cache.get(format);
  if (known !== undefined) return known;
  const answer = scanForPercent(format);
  if (cache.size > 10_000) cache.clear(); // hostile workbooks must not grow memory without bound
  cache.set(format, answer);
  return answer;
}

function scanForPercent(format: string): boolean {
  let inQuote = false;
  let inBracket = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (inQuote) {
      if (c === '"') inQuote = false;
    } else if (inBracket) {
      if (c === "]") inBracket = false;
    } else if (c === '"') inQuote = true;
    else if (c === "[") inBracket = true;
    else if (c === "\\" || c === "_" || c === "*") i++; // the next character is literal, padding or fill
    else if (c === "%") return true;
  }
  return false;
}
