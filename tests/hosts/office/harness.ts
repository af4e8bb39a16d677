// Runs the host contract scenarios on the Office host over the fake Excel at a given requirement-set level.

import { createOfficeHost, type OfficeHost } from "../../../src/hosts/office";
import { FakeExcel } from "../../support/fake";
import type { HostHarness, Inspector, WorkbookSetup } from "../contract/scenarios";

export const LEVELS = ["1.1", "1.7", "1.14", "1.18"] as const;

export function fakeWorkbook(apiVersion: string, setup: WorkbookSetup): FakeExcel {
  const fake = new FakeExcel({ apiVersion, sheets: setup.sheets.map((s) => s.name) });
  for (const sheet of setup.sheets) {
    for (const [ref, c] of Object.entries(sheet.cells)) {
      fake.setCells(sheet.name, { [ref]: { ...(c.value !== undefined ? { value: c.value } : {}), ...(c.fill ? { fill: c.fill } : {}) } });
      if (c.note) fake.addUserNote(`'${sheet.name}'!${ref}`, c.note);
      if (c.comment) fake.addUserComment(`'${sheet.name}'!${ref}`, c.comment);
    }
    for (const r of sheet.rules ?? []) fake.addUserConditionalFormat(sheet.name, r.areas, r.formula, r.fill);
  }
  return fake;
}

export function inspectorOf(fake: FakeExcel): Inspector {
  return {
    fill: (sheet, cell) => fake.cell(`'${sheet}'!${cell}`)?.fill ?? null,
    notes: () => fake.notes().map(({ sheet, cell, content }) => ({ sheet, cell, content })),
    comments: () => fake.comments().map(({ sheet, cell, content }) => ({ sheet, cell, content })),
    rules: (sheet) => fake.conditionalFormats(sheet).map((r) => ({ areas: r.areas, formula: r.formula })),
    sheetNames: () => fake.sheetNames(),
  };
}

export function hostOn(fake: FakeExcel): OfficeHost {
  return createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported });
}

export function officeHarness(apiVersion: string): HostHarness & { last: () => FakeExcel | undefined } {
  let last: FakeExcel | undefined;
  return {
    name: `office (ExcelApi ${apiVersion})`,
    last: () => last,
    async create(setup) {
      const fake = fakeWorkbook(apiVersion, setup);
      last = fake;
      return { host: hostOn(fake), inspect: inspectorOf(fake) };
    },
  };
}
