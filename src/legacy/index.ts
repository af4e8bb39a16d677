// Entry of the legacy pane (Internet Explorer 11 and EdgeHTML webviews; chosen by boot.ts). Same start as the modern
// pane (src/taskpane/index.tsx): inside Excel the Office host, outside it a notice pointing to the browser mode. It tells
// the boot script when it has shown itself, or that it could not, so the clerk never faces a blank pane.
import "./setup";
import { loadChoice, localChoiceStore } from "../app/choice";
import { defaultCatalog } from "../core/catalog";
import { loadUnits } from "../core/units";
import { createOfficeHostFromGlobals } from "../hosts/office";
import { documentSettingsStore } from "../taskpane/office-env";
import type { BootApi } from "./boot";
import { mountLegacyPane, mountOutsideExcel } from "./pane";
import { installStyles } from "./styles";

function bootApi(): BootApi | undefined {
  return (window as { chitieuBoot?: BootApi }).chitieuBoot;
}

function failed(e: unknown): void {
  console.error("[Chỉ tiêu CĐS] không khởi động được / could not start", e);
  const api = bootApi();
  if (api) api.failed("legacy-start: " + (e instanceof Error ? e.message : String(e)));
}

function start(inExcel: boolean): void {
  const root = document.getElementById("root");
  if (!root) throw new Error("#root element not found"); // broken page markup is a bug, not the clerk's to fix
  installStyles(document);
  if (inExcel) {
    const registry = loadUnits();
    const stores = [documentSettingsStore(), localChoiceStore()];
    mountLegacyPane(root, { host: createOfficeHostFromGlobals(), catalog: defaultCatalog(), registry, initialChoice: loadChoice(stores, registry), stores });
  } else {
    mountOutsideExcel(root);
  }
  const api = bootApi();
  if (api) api.started();
}

try {
  if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
    Office.onReady().then((info) => start(info.host === Office.HostType.Excel)).then(undefined, failed);
  } else {
    start(false);
  }
} catch (e) {
  failed(e);
}
