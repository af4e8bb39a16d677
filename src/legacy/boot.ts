// The first script of taskpane.html (a file, not inline: the pages' CSP allows no inline script). It picks the pane this
// engine can run (engine.ts), loads that pane's files in order, and, if the pane cannot start, shows the message that
// taskpane.html holds hidden (Vietnamese and English, with the browser mode's address): never a blank pane.
// ES5 and no polyfill: it must run on every engine, so it uses nothing IE11 lacks (tests/legacy checks both).

import { paneFor } from "./engine";

/** The legacy pane calls these (src/legacy/index.ts); absent outside taskpane.html. */
export interface BootApi {
  started(): void;
  failed(code: string): void;
}

/** How long the legacy pane may take to show itself (IE11 on an old machine, office.js from the CDN) before we give up. */
const START_TIMEOUT_MS = 45000;

function showFailure(code: string): void {
  const root = document.getElementById("root");
  if (root) root.innerHTML = "";
  const box = document.getElementById("boot-failed");
  if (!box) return;
  const codes = box.querySelectorAll(".boot-failed-code");
  for (let i = 0; i < codes.length; i++) codes[i]!.textContent = code;
  // the address in full, so it can be read out or typed into a browser (a.href is absolute in every engine)
  const links = box.querySelectorAll("a.boot-browser-link");
  for (let i = 0; i < links.length; i++) links[i]!.textContent = (links[i] as HTMLAnchorElement).href;
  box.removeAttribute("hidden");
}

function boot(): void {
  const tag = document.getElementById("chitieu-boot");
  if (!tag) return;
  const kind = paneFor(navigator.userAgent, (document as { documentMode?: unknown }).documentMode);
  const files = (tag.getAttribute(kind === "legacy" ? "data-legacy" : "data-modern") || "").split(" ");
  let settled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    settled = true;
    if (timer !== undefined) clearTimeout(timer);
  };
  const api: BootApi = {
    started: () => {
      if (!settled) settle();
    },
    failed: (code) => {
      if (settled) return;
      settle();
      showFailure(code);
    },
  };
  (window as { chitieuBoot?: BootApi }).chitieuBoot = api;

  if (kind === "legacy") {
    timer = setTimeout(() => api.failed("legacy-timeout"), START_TIMEOUT_MS);
    // a script of ours that does not parse or throws while starting (other scripts' errors are not ours to judge)
    window.addEventListener("error", (ev: ErrorEvent) => {
      if (ev.filename && ev.filename.indexOf("/legacy/") >= 0) api.failed("legacy-script: " + ev.message);
    });
  }
  for (let i = 0; i < files.length; i++) {
    const src = files[i]!;
    if (src === "") continue;
    const script = document.createElement("script");
    script.src = src;
    script.async = false; // run in the order listed (IE10+ keeps the order of dynamically added scripts with async=false)
    script.onerror = () => api.failed(kind + "-load: " + src);
    document.body.appendChild(script);
  }
}

boot();
