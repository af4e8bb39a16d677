import * as fs from "node:fs";
import * as path from "node:path";

// One shape for every error the user can meet (ChitieuError: a code and typed parameters, its text from the vi/en
// catalogs), held by reading the source: a second error class or an inline Vietnamese/English pair fails here.

const SRC = path.resolve(__dirname, "..", "..", "src");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sources(full);
    return /\.tsx?$/.test(d.name) ? [full] : [];
  });
}

const files = sources(SRC).map((file) => ({ file: path.relative(SRC, file).split(path.sep).join("/"), text: fs.readFileSync(file, "utf8") }));

/** Internal signals between two functions of the zip reader, always turned into a ChitieuError before leaving it. */
const INTERNAL_SIGNALS = ["OutputCapExceeded", "InflateFailed"];

/** Where Vietnamese and English text may sit side by side: the catalogs, and the CLI's help page (one text per language). */
const CATALOGS = ["core/messages/vi.ts", "core/messages/en.ts", "app/i18n/vi.ts", "app/i18n/en.ts", "cli/strings.ts", "cli/main.ts"];

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúý]/i;

describe("errors in src/", () => {
  it("has one error class for the user, ChitieuError, beside two internal signals of the zip reader", () => {
    const classes = files.flatMap(({ file, text }) => [...text.matchAll(/class (\w+)(?:<[^{]*?>)? extends (\w+)/g)].map((m) => ({ file, name: m[1]!, base: m[2]! })));
    const errorClasses = classes.filter((c) => /Error$/.test(c.base) || c.base === "ChitieuError");
    expect(errorClasses.map((c) => c.name).sort()).toEqual(["ChitieuError", ...INTERNAL_SIGNALS].sort());
    for (const c of errorClasses.filter((x) => INTERNAL_SIGNALS.includes(x.name))) expect(c.file).toBe("hosts/xlsx/zip/inflate.ts");
  });

  it("never throws a plain Error with Vietnamese text: what the user reads comes from the catalogs", () => {
    const offenders = files.flatMap(({ file, text }) =>
      [...text.matchAll(/new (?:Error|TypeError|RangeError)\(([^;]*?)\)[;\n]/g)].filter((m) => VIETNAMESE.test(m[1]!)).map((m) => `${file}: ${m[0]}`),
    );
    expect(offenders).toEqual([]);
  });

  it("holds no inline Vietnamese/English pair outside the catalogs", () => {
    const offenders = files
      .filter(({ file }) => !CATALOGS.includes(file))
      .flatMap(({ file, text }) => [...text.matchAll(/\bvi: *["'`]([^"'`]*)["'`]/g)].filter((m) => VIETNAMESE.test(m[1]!)).map((m) => `${file}: ${m[0]}`));
    expect(offenders).toEqual([]);
  });

  it("tells errors apart by code and parameters, never by matching their text", () => {
    const offenders = files.flatMap(({ file, text }) =>
      [...text.matchAll(/\/[^/\n]+\/[gimsuy]*\.test\((?:e|err|error)\.(?:vi|en|message|text)/g)].map((m) => `${file}: ${m[0]}`),
    );
    expect(offenders).toEqual([]);
  });
});
