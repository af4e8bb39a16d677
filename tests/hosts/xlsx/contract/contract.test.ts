// The shared host contract, on the file host: a real .xlsx in, its current bytes inspected after every step.

import { SCENARIOS } from "../../contract/scenarios";
import { fileHarness } from "./harness";

describe("file host keeps the host contract", () => {
  it.each(Object.entries(SCENARIOS))("%s", async (_name, scenario) => {
    await scenario(fileHarness());
  }, 30_000); // exceljs builds each workbook; a busy machine can pass jest's 5 s default
});
