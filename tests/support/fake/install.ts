// Puts a FakeExcel where an add-in looks for Office.js: globalThis.Excel and globalThis.Office (for in-page tests).

import type { FakeExcel } from "./excel";

export interface InstalledFake {
  /** Puts back whatever Excel/Office globals were there before. */
  uninstall(): void;
}

export function installFakeOffice(fake: FakeExcel): InstalledFake {
  const g = globalThis as Record<string, unknown>;
  const before = { Excel: g.Excel, Office: g.Office };
  g.Excel = {
    run: fake.run,
    ConditionalFormatType: { custom: "Custom" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    RangeValueType: { error: "Error", empty: "Empty" },
  };
  g.Office = {
    context: { requirements: { isSetSupported: fake.isSetSupported } },
    HostType: { Excel: "Excel" },
    onReady: async () => ({ host: "Excel", platform: "PC" }),
  };
  return {
    uninstall() {
      g.Excel = before.Excel;
      g.Office = before.Office;
    },
  };
}
