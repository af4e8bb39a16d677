// docs/robustness.md says what the code does today: regenerating it gives the committed text.

import { readFileSync } from "node:fs";
import path from "node:path";
import { renderRecord } from "../../scripts/robustness";

it("docs/robustness.md is current (run `npm run robustness` after changing the reader, the marker or the cases)", () => {
  const { text, mismatches } = renderRecord();
  expect(mismatches).toEqual([]);
  expect(readFileSync(path.resolve(__dirname, "../../docs/robustness.md"), "utf8")).toBe(text);
}, 120_000);
