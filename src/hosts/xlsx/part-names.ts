// Part names in an OPC package, shared by the reader and the marker: where a part's relationships live, and which
// part a relationship's target names.

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPartName(part: string): string {
  const slash = part.lastIndexOf("/");
  const dir = slash < 0 ? "" : part.slice(0, slash + 1);
  return `${dir}_rels/${part.slice(slash + 1)}.rels`;
}

/** The folder of a part ("" at the package root). */
export function dirname(part: string): string {
  const slash = part.lastIndexOf("/");
  return slash < 0 ? "" : part.slice(0, slash);
}

/** Resolves a relationship target against its source part to a zip entry name (no leading "/"). */
export function resolveTarget(sourcePart: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // a literal "%" that is not an escape: keep the target as written
  }
  const joined = decoded.startsWith("/") ? decoded.slice(1) : `${dirname(sourcePart)}/${decoded}`;
  const out: string[] = [];
  for (const seg of joined.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}
