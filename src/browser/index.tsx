import "../app/no-eval"; // first: before any zod schema runs
import { createRoot } from "react-dom/client";
import { AppFrame } from "../app/components/AppFrame";
import { loadChoice, localChoiceStore } from "../app/choice";
import { systemPrefersDark } from "../app/theme";
import { defaultCatalog } from "../core/catalog";
import { loadUnits } from "../core/units";
import { BrowserApp } from "./BrowserApp";

// Browser mode without Excel: works on .xlsx files in the page itself, with no network request beyond its own assets.

const container = document.getElementById("root");
if (!container) throw new Error("#root element not found: the page markup is broken");
const registry = loadUnits();
createRoot(container).render(
  <AppFrame dark={systemPrefersDark()} maxWidth={880}>
    <BrowserApp catalog={defaultCatalog()} registry={registry} initialChoice={loadChoice([localChoiceStore()], registry)} />
  </AppFrame>,
);
