// Runs the host contract scenarios on the file host: the user's workbook is a real .xlsx (values, fills, notes and
// conditional formats written by exceljs; threaded comments added the way Excel writes them), and the inspector reads
// the host's CURRENT bytes with its own small OPC reading (fflate + regular expressions), not with the code under test.

import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from "fflate";
import { createFileHost, type FileHost } from "../../../../src/hosts/xlsx/file-host";
import type { HostHarness, Inspector, WorkbookSetup } from "../../contract/scenarios";

const THREADED_REL = "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment";
const PERSON_REL = "http://schemas.microsoft.com/office/2017/10/relationships/person";
const THREADED_NS = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments";
/** What Excel 365 leaves as the legacy note of a threaded comment, for versions that cannot show threads. */
const PLACEHOLDER = "[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    ";
const PERSON_ID = "{5B2C1F7A-0D3E-4C8B-9A61-2F4E8D7C6B5A}";

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;
const guid = (n: number) => `{0000${String(n).padStart(4, "0")}-1A2B-4C3D-8E9F-0123456789AB}`;

/** A real .xlsx holding the setup's values, fills, notes, threaded comments and conditional formats. */
export async function buildWorkbook(setup: WorkbookSetup): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const threaded: { sheet: number; cells: { ref: string; text: string; id: string }[] }[] = [];
  let serial = 0;
  setup.sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(s.name);
    const cells: { ref: string; text: string; id: string }[] = [];
    for (const [ref, c] of Object.entries(s.cells)) {
      const cell = ws.getCell(ref);
      if (c.value !== undefined) cell.value = c.value;
      if (c.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(c.fill) } };
      if (c.note && c.comment) throw new Error(`fixture: ${ref} cannot hold both a note and a threaded comment, as in Excel`);
      if (c.note) cell.note = c.note;
      if (c.comment) {
        cell.note = `${PLACEHOLDER}${c.comment}`; // the legacy placeholder and its VML shape; rewritten below
        cells.push({ ref, text: c.comment, id: guid(++serial) });
      }
    }
    for (const r of s.rules ?? []) {
      ws.addConditionalFormatting({
        ref: r.areas.join(" "),
        rules: [{ type: "expression", priority: 1, formulae: [r.formula.replace(/^=/, "")], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(r.fill) } } } }],
      });
    }
    if (cells.length > 0) threaded.push({ sheet: i, cells });
  });
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return threaded.length === 0 ? bytes : addThreadedComments(bytes, threaded);
}

/** Turns the placeholder notes into Excel's threaded-comment parts: the thread, its person, the "tc=" placeholder author. */
function addThreadedComments(bytes: Uint8Array, threaded: { sheet: number; cells: { ref: string; text: string; id: string }[] }[]): Uint8Array {
  const files = unzipSync(bytes);
  const put = (name: string, text: string) => (files[name] = strToU8(text));
  const get = (name: string) => strFromU8(files[name] ?? new Uint8Array());
  const opc = readOpc(files);
  let contentTypes = get("[Content_Types].xml");
  threaded.forEach(({ sheet, cells }, n) => {
    const sheetPart = opc.sheets[sheet]?.part as string;
    const commentsPart = opc.related(sheetPart, "/comments")[0] as string;
    let comments = get(commentsPart);
    const authors = [...comments.matchAll(/<author>/g)].length;
    comments = comments
      .replace("<comments ", '<comments xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" ')
      .replace("</authors>", `${cells.map((c) => `<author>tc=${c.id}</author>`).join("")}</authors>`);
    cells.forEach((c, k) => {
      const placeholder = new RegExp(`<comment ref="${c.ref}" authorId="0"><text>[\\s\\S]*?</text></comment>`);
      comments = comments.replace(placeholder, `<comment ref="${c.ref}" authorId="${authors + k}" shapeId="0" xr:uid="${c.id}"><text><t xml:space="preserve">${escape(PLACEHOLDER + c.text)}</t></text></comment>`);
    });
    put(commentsPart, comments);
    const threadPart = `xl/threadedComments/threadedComment${n + 1}.xml`;
    put(
      threadPart,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="${THREADED_NS}" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
        cells.map((c) => `<threadedComment ref="${c.ref}" dT="2025-03-04T08:15:00.00" personId="${PERSON_ID}" id="${c.id}"><text>${escape(c.text)}</text></threadedComment>`).join("") +
        "</ThreadedComments>",
    );
    const relsPart = relsOf(sheetPart);
    put(relsPart, get(relsPart).replace("</Relationships>", `<Relationship Id="rIdThread${n + 1}" Type="${THREADED_REL}" Target="../threadedComments/threadedComment${n + 1}.xml"/></Relationships>`));
    contentTypes = contentTypes.replace("</Types>", `<Override PartName="/${threadPart}" ContentType="application/vnd.ms-excel.threadedcomments+xml"/></Types>`);
  });
  put("xl/persons/person.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="${THREADED_NS}" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><person displayName="Nguyễn Văn Bình" id="${PERSON_ID}" userId="binh@laichau.gov.vn" providerId="None"/></personList>`);
  put("xl/_rels/workbook.xml.rels", get("xl/_rels/workbook.xml.rels").replace("</Relationships>", `<Relationship Id="rIdPersons" Type="${PERSON_REL}" Target="persons/person.xml"/></Relationships>`));
  put("[Content_Types].xml", contentTypes.replace("</Types>", '<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/></Types>'));
  return zipSync(files);
}

// ---- an independent look inside the bytes ----

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
    e === "amp" ? "&" : e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" : String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const out = from.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== ".") out.push(seg);
  }
  return out.join("/");
}

const attr = (tag: string, name: string) => {
  const v = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return v === undefined ? undefined : unescape(v);
};

function readOpc(files: Unzipped) {
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : "");
  const related = (part: string, type: string) =>
    [...text(relsOf(part)).matchAll(/<Relationship\b[^>]*>/g)].filter((m) => (attr(m[0], "Type") ?? "").endsWith(type)).map((m) => resolve(part, attr(m[0], "Target") ?? ""));
  const byId = new Map([...text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], "Id"), resolve("xl/workbook.xml", attr(m[0], "Target") ?? "")]));
  const sheets = [...text("xl/workbook.xml").matchAll(/<sheet\b[^>]*>/g)].map((m) => ({ name: attr(m[0], "name") ?? "", part: byId.get(attr(m[0], "r:id")) ?? "" }));
  return { text, related, sheets };
}

/** Plain text of a rich-text container: every <t> joined. */
function plain(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescape(m[1] ?? "")).join("");
}

export function inspectBytes(bytes: () => Uint8Array): Inspector {
  const opc = () => readOpc(unzipSync(bytes()));
  const sheetPart = (o: ReturnType<typeof opc>, name: string) => {
    const s = o.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s.part;
  };
  const notesOf = (kind: "notes" | "comments") => {
    const o = opc();
    const out: { sheet: string; cell: string; content: string }[] = [];
    for (const s of o.sheets) {
      if (kind === "comments") {
        for (const part of o.related(s.part, "/threadedComment")) {
          for (const m of o.text(part).matchAll(/<threadedComment\b([^>]*)>([\s\S]*?)<\/threadedComment>/g)) {
            if (attr(m[1] ?? "", "parentId") !== undefined) continue; // replies belong to their thread
            out.push({ sheet: s.name, cell: attr(m[1] ?? "", "ref") ?? "", content: unescape(/<text[^>]*>([\s\S]*?)<\/text>/.exec(m[2] ?? "")?.[1] ?? "") });
          }
        }
        continue;
      }
      for (const part of o.related(s.part, "/comments")) {
        const xml = o.text(part);
        const authors = [...xml.matchAll(/<author>([\s\S]*?)<\/author>/g)].map((m) => unescape(m[1] ?? ""));
        for (const m of xml.matchAll(/<comment\b([^>]*)>([\s\S]*?)<\/comment>/g)) {
          // a "tc=" author marks the placeholder Excel keeps for a threaded comment: that cell has a comment, not a note
          if ((authors[Number(attr(m[1] ?? "", "authorId"))] ?? "").startsWith("tc=")) continue;
          out.push({ sheet: s.name, cell: attr(m[1] ?? "", "ref") ?? "", content: plain(m[2] ?? "") });
        }
      }
    }
    return out;
  };
  return {
    fill(sheet, cell) {
      const o = opc();
      const row = new RegExp(`<c r="${cell}"([^>]*?)/?>`).exec(o.text(sheetPart(o, sheet)));
      const s = Number(attr(row?.[1] ?? "", "s") ?? 0);
      const styles = o.text(o.related("xl/workbook.xml", "/styles")[0] ?? "xl/styles.xml");
      const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
      const xf = [...xfs.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)][s]?.[0] ?? "";
      const fills = /<fills\b[^>]*>([\s\S]*?)<\/fills>/.exec(styles)?.[1] ?? "";
      const fill = [...fills.matchAll(/<fill>[\s\S]*?<\/fill>/g)][Number(attr(xf, "fillId") ?? 0)]?.[0] ?? "";
      if (!/patternType="solid"/.test(fill)) return null;
      const rgb = /<fgColor rgb="([0-9A-Fa-f]{8})"/.exec(fill)?.[1];
      return rgb ? `#${rgb.slice(2).toUpperCase()}` : null;
    },
    notes: () => notesOf("notes"),
    comments: () => notesOf("comments"),
    rules(sheet) {
      const o = opc();
      const xml = o.text(sheetPart(o, sheet));
      return [...xml.matchAll(/<conditionalFormatting\b([^>]*)>([\s\S]*?)<\/conditionalFormatting>/g)].flatMap((m) =>
        [...(m[2] ?? "").matchAll(/<formula>([\s\S]*?)<\/formula>/g)].map((f) => ({ areas: (attr(m[1] ?? "", "sqref") ?? "").split(" "), formula: `=${unescape(f[1] ?? "")}` })),
      );
    },
    sheetNames: () => opc().sheets.map((s) => s.name),
  };
}

export function fileHarness(): HostHarness & { last: () => FileHost | undefined } {
  let last: FileHost | undefined;
  return {
    name: "file (.xlsx)",
    last: () => last,
    async create(setup) {
      const host = createFileHost(await buildWorkbook(setup));
      last = host;
      return { host, inspect: inspectBytes(() => host.bytes()) };
    },
  };
}
