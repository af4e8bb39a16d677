import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog } from "../../../../src/core/catalog";
import { checkWorkbook } from "../../../../src/core/check";
import { buildTemplateLayout } from "../../../../src/core/template";
import { createFileHost } from "../../../../src/hosts/xlsx/file-host";
import { writeTemplateXlsx } from "../../../../src/hosts/xlsx/template";
import { requireTools } from "../../../support/tools";
import { convert, decodePng, libreOfficeProfile, rowsWithColour } from "../template/external-tools";

// The reviewer's view: a filled template, checked and highlighted, rendered by LibreOffice, shows our colours.

const tools = requireTools(["soffice", "pdftoppm"]);

const INFO_BLUE: [number, number, number] = [0xdd, 0xeb, 0xf7];
const WARNING_AMBER: [number, number, number] = [0xff, 0xeb, 0x9c];

tools.describe("a checked template rendered by LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-render-"));
  const artifacts = join(__dirname, "../../../../test-artifacts/checked");
  let before: ReturnType<typeof decodePng>;
  let after: ReturnType<typeof decodePng>;

  beforeAll(async () => {
    const catalog = defaultCatalog();
    const layout = buildTemplateLayout({ catalog, unit: { code: "tinh-lai-chau", name: "Lai Châu", level: "province", kind: "tỉnh" }, year: 2025 });
    const values = new Map<string, { numerator?: number; denominator?: number; value?: number }>([
      ["CQS-02", { numerator: 120, denominator: 100 }], // malformed: an error on the numerator cell
      ["KTS-01", { value: 0.08 }], // a fraction typed in a percent cell: probably 8%, a warning on the value cell
      ["XHS-06", { numerator: 90, denominator: 100 }],
    ]);
    const filled = writeTemplateXlsx(layout, { values });
    const host = createFileHost(filled);
    const report = checkWorkbook(await host.readSnapshot(), { catalog });
    expect(report.plan.marks.some((m) => m.severity === "error")).toBe(true);
    expect(report.plan.marks.find((m) => m.indicator === "KTS-01")).toMatchObject({ severity: "warning", cell: layout.rows.find((r) => r.indicatorCode === "KTS-01")!.cells.value });
    await host.applyHighlights(report.plan);
    writeFileSync(join(dir, "before.xlsx"), filled);
    writeFileSync(join(dir, "after.xlsx"), host.bytes());
    convert(libreOfficeProfile(join(dir, "profile")), "pdf", dir, [join(dir, "before.xlsx"), join(dir, "after.xlsx")]);
    for (const name of ["before", "after"]) execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", join(dir, `${name}.pdf`), join(dir, name)]);
    const page = (name: string) => decodePng(new Uint8Array(readFileSync(join(dir, `${name}-1.png`))));
    before = page("before");
    after = page("after");
    mkdirSync(artifacts, { recursive: true });
    copyFileSync(join(dir, "after-1.png"), join(artifacts, "checked-template.png"));
  }, 180_000);

  it("colours the cells of missing figures light blue, on rows the unchecked workbook has none", () => {
    // the column headers share the blue, so compare row counts rather than presence
    expect(rowsWithColour(after, INFO_BLUE).length).toBeGreaterThan(rowsWithColour(before, INFO_BLUE).length + 10);
  });

  it("colours the doubtful figure amber, a colour the template itself never uses", () => {
    expect(rowsWithColour(before, WARNING_AMBER)).toEqual([]);
    expect(rowsWithColour(after, WARNING_AMBER).length).toBeGreaterThan(0);
  });
});
