// The shared host contract, on the Office host at each requirement-set level we support.

import { SCENARIOS } from "../contract/scenarios";
import { LEVELS, officeHarness } from "./harness";

describe.each(LEVELS)("Office host at ExcelApi %s keeps the host contract", (level) => {
  it.each(Object.entries(SCENARIOS))("%s", async (_name, scenario) => {
    await scenario(officeHarness(level));
  });
});
