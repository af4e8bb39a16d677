import "../app/no-eval"; // first: before any zod schema runs
import { createRoot } from "react-dom/client";
import { AppFrame } from "../app/components/AppFrame";
import { loadChoice, localChoiceStore } from "../app/choice";
import { systemPrefersDark } from "../app/theme";
import { defaultCatalog } from "../core/catalog";
import { loadUnits } from "../core/units";
import { createOfficeHostFromGlobals, watchChanges, type OfficeHost } from "../hosts/office";
import { paneConsolidation } from "./consolidation";
import { documentSettingsStore, officeDark } from "./office-env";
import { TaskPane } from "./TaskPane";

// Boot: inside Excel the pane gets the Office host; opened in a plain browser it says so and links the browser mode.

function root() {
  const container = document.getElementById("root");
  if (!container) throw new Error("#root element not found: the page markup is broken");
  return createRoot(container);
}

/** Adapts the host's async watcher to a plain subscribe/unsubscribe for React effects. */
function watcherFor(host: OfficeHost) {
  return (onChange: () => void, onError: (e: unknown) => void) => {
    let stop: (() => Promise<void>) | null = null;
    let cancelled = false;
    watchChanges(host, onChange)
      .then((s) => (cancelled ? void s?.() : (stop = s)))
      .catch(onError);
    return () => {
      cancelled = true;
      void stop?.();
    };
  };
}

/** Last year's report file picked in the pane: the .xlsx reader is loaded on first use only. */
async function readEarlier(file: File) {
  const { earlierReportsFromBytes } = await import(/* webpackChunkName: "xlsx-host" */ "../hosts/xlsx/earlier-report");
  return earlierReportsFromBytes(new Uint8Array(await file.arrayBuffer()), file.name, { catalog: defaultCatalog() });
}

function renderExcel(): void {
  const host = createOfficeHostFromGlobals();
  const registry = loadUnits();
  const catalog = defaultCatalog();
  const stores = [documentSettingsStore(), localChoiceStore()];
  root().render(
    <AppFrame dark={officeDark()}>
      <TaskPane
        inExcel
        host={host}
        catalog={catalog}
        registry={registry}
        initialChoice={loadChoice(stores, registry)}
        stores={stores}
        watchChanges={watcherFor(host)}
        consolidation={paneConsolidation(catalog, registry)}
        readEarlier={readEarlier}
      />
    </AppFrame>,
  );
}

function renderOutside(): void {
  root().render(
    <AppFrame dark={systemPrefersDark()}>
      <TaskPane inExcel={false} />
    </AppFrame>,
  );
}

// office.js missing (blocked, offline) or a host other than Excel: the same "outside Excel" screen
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  // the promise form: the same in every Office.js version that has onReady, and in the test fake
  void Office.onReady().then((info) => (info.host === Office.HostType.Excel ? renderExcel() : renderOutside()));
} else {
  renderOutside();
}
