// A plain-text table with wrapped cells, for terminals: officials read it, so nothing is truncated.

export interface Column {
  header: string;
  width: number;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && [...line].length + 1 + [...word].length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  return lines;
}

const pad = (s: string, width: number) => s + " ".repeat(Math.max(0, width - [...s].length));

export function renderTable(columns: Column[], rows: string[][]): string {
  const out: string[] = [];
  const renderRow = (cells: string[]) => {
    const wrapped = columns.map((c, i) => wrap(cells[i] ?? "", c.width));
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let r = 0; r < height; r++) out.push(columns.map((c, i) => pad(wrapped[i]?.[r] ?? "", c.width)).join("  ").trimEnd());
  };
  renderRow(columns.map((c) => c.header));
  out.push(columns.map((c) => "-".repeat(c.width)).join("  "));
  for (const row of rows) renderRow(row);
  return out.join("\n");
}
