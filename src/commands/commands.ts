// Ribbon commands (ExecuteFunction buttons in manifest.xml; the names must match <FunctionName> there).
// They run without the pane, through the same Office host. Excel gives them no place to show text, so each result
// (success or failure) is logged to the console and kept for the pane to show when opened; event.completed() is
// always called, so the ribbon never hangs.

import "../app/no-eval"; // first: before any zod schema runs
import { loadChoice, localChoiceStore } from "../app/choice";
import { recordCommandResult, type CommandResult } from "../app/command-log";
import { toUserError } from "../app/errors";
import { translate } from "../app/i18n/translate";
import { headline } from "../app/report-view";
import { layoutFor } from "../app/template-request";
import { defaultCatalog } from "../core/catalog";
import { checkWorkbook } from "../core/check";
import { ChitieuError } from "../core/errors";
import { findUnits, loadUnits, unitTitle } from "../core/units";
import type { WorkbookHost } from "../hosts/host";
import { createOfficeHostFromGlobals } from "../hosts/office";
import { documentSettingsStore } from "../taskpane/office-env";

type Outcome = Pick<CommandResult, "vi" | "en">;
type Command = CommandResult["command"];

function both(key: Parameters<typeof translate>[1], params: Record<string, string | number> = {}): Outcome {
  return { vi: translate("vi", key, params), en: translate("en", key, params) };
}

export async function insertTemplateCommand(host: WorkbookHost): Promise<Outcome> {
  const catalog = defaultCatalog();
  const registry = loadUnits();
  const choice = loadChoice([documentSettingsStore(), localChoiceStore()], registry);
  const unit = findUnits(registry, choice.unitCode)[0];
  let sheet: string;
  try {
    sheet = (await host.insertTemplate(layoutFor(catalog, registry, choice))).sheetName;
  } catch (e) {
    // no one to ask from the ribbon: take the free name Excel's own convention would give ("Báo cáo (2)")
    if (!(e instanceof ChitieuError && e.is("error.sheet-exists"))) throw e;
    sheet = (await host.insertTemplate(layoutFor(catalog, registry, choice, String(e.params.suggestion)))).sheetName;
  }
  return both("commands.inserted", { unit: unit ? unitTitle(unit) : choice.unitCode, year: String(choice.year), sheet });
}

export async function checkCommand(host: WorkbookHost): Promise<Outcome> {
  const catalog = defaultCatalog();
  const snapshot = await host.readSnapshot();
  let report;
  try {
    report = checkWorkbook(snapshot, { catalog });
  } catch (e) {
    // not our template: the level and year last chosen are the best guess the ribbon has
    if (!(e instanceof ChitieuError && e.code === "no-context")) throw e;
    const choice = loadChoice([documentSettingsStore(), localChoiceStore()], loadUnits());
    report = checkWorkbook(snapshot, { catalog, level: choice.level, year: choice.year });
  }
  await host.applyHighlights(report.plan);
  const h = headline(report.summary);
  return both("commands.checked", { met: h.met, notMet: h.notMet, invalid: h.invalid, missing: h.missing });
}

export async function clearCommand(host: WorkbookHost): Promise<Outcome> {
  await host.clearHighlights();
  return both("commands.cleared");
}

/** Runs one command to the end: logs and records the outcome, then completes the event whatever happened. */
export async function runCommand(command: Command, work: () => Promise<Outcome>, event: { completed: () => void }): Promise<void> {
  try {
    const outcome = await work();
    console.info(`[Chỉ tiêu CĐS] ${outcome.vi}`);
    recordCommandResult({ command, ok: true, ...outcome });
  } catch (e) {
    const err = toUserError(e);
    console.error(`[Chỉ tiêu CĐS] ${command}: ${err.vi}`, e);
    recordCommandResult({ command, ok: false, vi: err.vi, en: err.en });
  } finally {
    event.completed();
  }
}

const COMMANDS: Record<Command, (host: WorkbookHost) => Promise<Outcome>> = {
  insertTemplate: insertTemplateCommand,
  check: checkCommand,
  clear: clearCommand,
};

// A new host at every click: after event.completed() the command "will automatically be closed" (JSDoc of
// Office.AddinCommands.Event.completed), so nothing a host learnt survives to the next click. Each ribbon check pays
// for reading the sheet list first (the "ribbon" column of npm run bench:office).
function register(name: Command): void {
  const handler = (event: Office.AddinCommands.Event) => void runCommand(name, () => COMMANDS[name](createOfficeHostFromGlobals()), event);
  if (typeof Office.actions?.associate === "function") Office.actions.associate(name, handler);
  // older Office builds (2016/2019) look ExecuteFunction targets up on the global object instead
  (globalThis as Record<string, unknown>)[name] = handler;
}

if (typeof Office !== "undefined") {
  void Office.onReady().then(() => {
    register("insertTemplate");
    register("check");
    register("clear");
  });
}
