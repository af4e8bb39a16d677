// The legacy task pane: the modern pane's screens (choose unit/level/year, insert, check, clear, findings with
// click-to-cell, Vietnamese and English) in plain DOM, over the same core, Office host and app logic (choice, errors,
// i18n, report-view). State lives here; every change re-renders the pane from it (a few hundred nodes at most).

import { reconcileUnit, saveChoice, unitsFor, yearsOfResolution, type Choice, type ChoiceStore } from "../app/choice";
import { takeRecentCommandResult, type CommandResult } from "../app/command-log";
import { askContextAfter, errorText, toUserError, type UserError } from "../app/errors";
import { conflictText } from "../app/conflicts";
import { translate, type UiParams } from "../app/i18n/translate";
import type { UiKey } from "../app/i18n/vi";
import { headline, returnedFindings, reviewGroups, type HeadlineCounts } from "../app/report-view";
import { DECISION_TERM, decisionMessage, REPORT_DECISION_TERM, reopenedMessage, reportReopenedMessage, SHORTFALL_TERM, shortfallKind } from "../core/review";
import { layoutFor } from "../app/template-request";
import { findIndicator, pillarHeading, type Catalog } from "../core/catalog";
import { LEVELS, type Level } from "../core/catalog/schema";
import { checkWorkbook, type CheckReport, type LocatedFinding } from "../core/check";
import { formatMessage, type Lang } from "../core/messages";
import type { TemplateMetadata } from "../core/snapshot";
import { findUnits, unitTitle, type UnitRegistry } from "../core/units";
import type { WorkbookHost } from "../hosts/host";
import { h, replaceChildren, type Child } from "./dom";

export interface LegacyPaneProps {
  host: WorkbookHost;
  catalog: Catalog;
  registry: UnitRegistry;
  initialChoice: Choice;
  stores: readonly (ChoiceStore | null)[];
}

interface State {
  lang: Lang;
  screen: "start" | "check";
  choice: Choice;
  report: CheckReport | null;
  /** Level and year the user gave for a workbook that is not our template. */
  given: { level: Level; year: number } | null;
  busy: boolean;
  error: UserError | null;
  status: { key: UiKey; params?: UiParams } | null;
  askContext: boolean;
  held: TemplateMetadata | null;
  lastCommand: CommandResult | null;
  /** The information group (figures still to enter) starts folded when long. */
  infoOpen: boolean;
}

/** More missing figures than this and the information group starts folded (as in the modern pane). */
const FOLD_INFO_OVER = 5;
const TILES = ["met", "notMet", "invalid", "missing"] as const;
const LANG_KEY = "chitieu.lang"; // the modern pane's key (src/app/components/AppFrame.tsx): one choice for both panes

function savedLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

function saveLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_KEY, lang);
  } catch {
    // storage disabled: the language still applies to this session
  }
}

/** Builds the pane inside `root` and reads the workbook's template information once, as the modern pane does. */
export function mountLegacyPane(root: HTMLElement, props: LegacyPaneProps): void {
  const { host, catalog, registry, stores } = props;
  const state: State = {
    lang: savedLang(),
    screen: "start",
    choice: props.initialChoice,
    report: null,
    given: null,
    busy: false,
    error: null,
    status: null,
    askContext: false,
    held: null,
    lastCommand: takeRecentCommandResult(),
    infoOpen: false,
  };
  const caps = host.capabilities();

  const t = (key: UiKey, params?: UiParams) => translate(state.lang, key, params);
  const levelName = (level: Level) => t(("level." + level) as UiKey);

  function set(patch: Partial<State>): void {
    for (const k of Object.keys(patch) as (keyof State)[]) (state as unknown as Record<string, unknown>)[k] = patch[k];
    render();
  }

  /** Busy while it runs; a failure becomes a message the user reads (and the level/year fields when that is the cause). */
  function run(job: () => Promise<void>): Promise<void> {
    set({ busy: true, error: null, status: null });
    return job().then(
      () => set({ busy: false }),
      (e: unknown) => {
        const error = toUserError(e);
        console.error(e); // the full error for whoever opens the developer tools; the user sees `error`
        set({ busy: false, error, askContext: askContextAfter(error, state.askContext) });
      },
    );
  }

  function setChoice(choice: Choice): void {
    saveChoice(stores, choice);
    set({ choice });
  }

  const insert = (sheetName?: string) =>
    run(() => {
      const layout = layoutFor(catalog, registry, state.choice, sheetName);
      return host.insertTemplate(layout).then((r) => {
        saveChoice(stores, state.choice);
        // the inserted template states its own level and year: a choice made for another sheet no longer applies
        set({ held: { ...layout.metadata, sheet: r.sheetName }, given: null, status: { key: "start.inserted", params: { sheet: r.sheetName } } });
      });
    });

  const check = (given: State["given"] = state.given) =>
    run(() =>
      host.readSnapshot().then((snapshot) => {
        const report = checkWorkbook(snapshot, given ? { catalog, level: given.level, year: given.year } : { catalog });
        set({ report, screen: "check", askContext: false, given });
        return host.applyHighlights(report.plan).then((applied) => set({ status: { key: "check.marked", params: { count: applied.marked } } }));
      }),
    );

  const clear = () => run(() => host.clearHighlights().then(() => set({ status: { key: "check.cleared" } })));

  const select = (f: LocatedFinding) => {
    if (f.sheet && f.cell) void run(() => host.selectCell(f.sheet!, f.cell!));
  };

  // ---- pieces of the screen ----

  function button(id: string, label: string, onclick: () => void, opts: { primary?: boolean; disabled?: boolean } = {}): HTMLElement {
    return h("button", { type: "button", id, class: opts.primary ? "btn btn-primary" : "btn", disabled: !!opts.disabled, onclick }, label);
  }

  function selectField(id: string, label: string, value: string, options: { value: string; text: string }[], onchange: (v: string) => void, extra?: { disabled?: boolean; warning?: string }): HTMLElement {
    const select = h(
      "select",
      { id, disabled: !!extra?.disabled, "aria-describedby": extra?.warning ? id + "-warning" : null, onchange: (ev: Event) => onchange((ev.target as HTMLSelectElement).value) },
      options.map((o) => h("option", { value: o.value, selected: o.value === value }, o.text)),
    ) as HTMLSelectElement;
    select.value = value;
    return h(
      "div",
      { class: "field" },
      h("label", { for: id }, label),
      select,
      extra?.warning ? h("p", { id: id + "-warning", class: "field-warning" }, extra.warning) : null,
    );
  }

  function contextFields(showUnit: boolean, prefix: string): HTMLElement {
    const c = state.choice;
    const change = (patch: Partial<Choice>) => setChoice(reconcileUnit(registry, { ...c, ...patch }));
    const units = unitsFor(registry, c.year, c.level);
    return h(
      "div",
      { class: "fields" },
      selectField(prefix + "level", t("level.label"), c.level, LEVELS.map((l) => ({ value: l, text: levelName(l) })), (v) => change({ level: v as Level })),
      selectField(prefix + "year", t("year.label"), String(c.year), yearsOfResolution().map((y) => ({ value: String(y), text: String(y) })), (v) => change({ year: Number(v) })),
      showUnit
        ? selectField(
            prefix + "unit",
            t("unit.label"),
            c.unitCode,
            units.map((u) => ({ value: u.code, text: unitTitle(u) })),
            (v) => change({ unitCode: v }),
            units.length === 0 ? { disabled: true, warning: t("unit.none", { year: String(c.year), level: levelName(c.level).toLowerCase() }) } : undefined,
          )
        : null,
    );
  }

  function notice(kind: "info" | "success" | "warning" | "error", body: Child, attrs: Record<string, string> = {}): HTMLElement {
    const role = kind === "error" || kind === "warning" ? "alert" : kind === "success" ? "status" : null;
    return h("div", { class: "notice notice-" + kind, role, ...attrs }, body);
  }

  function capabilityNotice(): Child {
    if (caps.missing.length === 0) return null;
    return notice(
      "info",
      [
        h("strong", null, t("caps.title")),
        h("ul", null, caps.missing.map((m) => h("li", null, t(("caps.feature." + m.feature) as UiKey) + " (" + t("caps.requires", { requirement: m.requirement }) + ")"))),
        t("caps.stillWorks"),
      ],
      { "data-testid": "capabilities" },
    );
  }

  function errorNotice(error: UserError): HTMLElement {
    const warning = error.kind === "sheet-exists" || error.kind === "no-context" || error.kind === "no-indicators";
    const suggestion = error.suggestion;
    return notice(
      warning ? "warning" : "error",
      [
        h("strong", null, t("error.title")),
        " ",
        errorText(error, state.lang),
        suggestion ? h("div", { class: "actions" }, button("insert-as", t("start.insertAs", { name: suggestion }), () => void insert(suggestion))) : null,
        // nothing to check: the template is offered instead of a level and year that could not help
        error.kind === "no-indicators" ? h("p", { "data-testid": "template-offer" }, t("noTemplate.offerInsert")) : null,
        error.kind === "no-indicators"
          ? h("div", { class: "actions" }, button("offer-insert", t("start.insert"), () => void insert(), { disabled: state.busy || state.choice.unitCode === "" }))
          : null,
      ],
      { "data-testid": "error" },
    );
  }

  function startScreen(): HTMLElement {
    const noUnit = state.choice.unitCode === "";
    return h(
      "section",
      { class: "stack", "aria-labelledby": "start-heading" },
      h("h2", { id: "start-heading" }, t("start.heading")),
      h("p", null, t("start.intro")),
      contextFields(true, ""),
      h(
        "div",
        { class: "actions" },
        button("insert", t("start.insert"), () => void insert(), { primary: true, disabled: state.busy || noUnit }),
        button("check", t("start.check"), () => void check(), { disabled: state.busy }),
      ),
      // consolidation reads the units' files with the .xlsx host, which this pane does not load: say where it is
      h("p", { class: "small", "data-testid": "legacy-consolidate" }, t("legacy.consolidate")),
    );
  }

  function contextRetry(): HTMLElement {
    return h(
      "section",
      { class: "stack", "aria-label": t("check.pickContext"), "data-testid": "context-retry" },
      h("p", null, t("check.pickContext")),
      contextFields(false, "retry-"),
      h("div", null, button("retry", t("check.retry"), () => void check({ level: state.choice.level, year: state.choice.year }), { primary: true, disabled: state.busy })),
    );
  }

  function summary(report: CheckReport): HTMLElement {
    const all: HeadlineCounts = headline(report.summary);
    const pillars = catalog.pillars
      .slice()
      .sort((a, b) => a.order - b.order)
      .filter((p) => report.summary.byPillar[p.id].total > 0);
    return h(
      "section",
      { "aria-labelledby": "summary-heading" },
      h("h2", { id: "summary-heading" }, t("summary.heading")),
      h("p", null, t("summary.total", { count: all.total })),
      h(
        "dl",
        { class: "tiles", "data-testid": "summary-counts" },
        TILES.map((k) => h("div", { class: "tile tile-" + k, "data-testid": "count-" + k }, h("dt", null, t(("summary." + k) as UiKey)), h("dd", null, all[k]))),
      ),
      h(
        "table",
        { class: "pillars", "aria-label": t("summary.byPillar") },
        h("thead", null, h("tr", null, h("th", { scope: "col" }, t("summary.pillar")), TILES.map((k) => h("th", { scope: "col" }, t(("summary." + k) as UiKey))))),
        h(
          "tbody",
          null,
          pillars.map((p) => {
            const c = headline(report.summary.byPillar[p.id]);
            return h("tr", null, h("th", { scope: "row" }, pillarHeading(catalog, p.id).heading[state.lang]), TILES.map((k) => h("td", null, c[k])));
          }),
        ),
      ),
      report.review.summary.explained + report.review.summary.unexplained > 0
        ? h("p", { "data-testid": "shortfall-counts" }, t("summary.shortfalls", { explained: report.review.summary.explained, unexplained: report.review.summary.unexplained }))
        : null,
      reviewLine(report),
      report.notFound.length > 0 ? h("p", { class: "small" }, t("summary.notFound", { codes: report.notFound.join(", ") })) : null,
      report.duplicates.length > 0
        ? h("p", { class: "small" }, t("summary.duplicates", { codes: report.duplicates.map((d) => d.code + " (" + d.sheet + "!" + d.row + ")").join(", ") }))
        : null,
    );
  }

  function findingBody(f: LocatedFinding): Child[] {
    const ind = findIndicator(catalog, f.indicator);
    return [
      h("span", { class: "line" }, h("span", { class: "code" }, f.indicator), " " + (ind ? ind.label[state.lang] : "") + " ", h("span", { class: "badge badge-" + f.severity }, statusText(f))),
      h("span", { class: "line" }, formatMessage(f.message, state.lang)),
      f.details.length > 0 ? h("span", { class: "details" }, f.details.map((d) => formatMessage(d, state.lang)).join(" ")) : null,
      f.explanation !== null ? h("span", { class: "details", "data-testid": "finding-explanation" }, formatMessage({ key: "review.explanation", params: { text: f.explanation } }, state.lang)) : null,
      f.decision ? h("span", { class: "line", "data-testid": "finding-decision" }, formatMessage(decisionMessage(f.decision, DECISION_TERM), state.lang)) : null,
      f.reopened ? h("span", { class: "line", "data-testid": "finding-reopened" }, formatMessage(reopenedMessage(f)!, state.lang)) : null,
      f.sheet && f.cell ? h("span", { class: "where" }, t("findings.where", { sheet: f.sheet, cell: f.cell })) : null,
    ];
  }

  /** An unmet target says whether the clerk explained it; any other finding its status. */
  function statusText(f: LocatedFinding): string {
    const kind = shortfallKind(f);
    return kind ? t(("status.shortfall." + kind) as UiKey, { status: t(("status." + f.status) as UiKey) }) : t(("status." + f.status) as UiKey);
  }

  /** The report's review state, and an earlier decision reopened; decisions are recorded in the modern pane. */
  function reviewLine(report: CheckReport): Child[] {
    const r = report.review;
    const state_ = r.report ? formatMessage(decisionMessage(r.report, REPORT_DECISION_TERM), state.lang) : formatMessage({ key: REPORT_DECISION_TERM.open, params: {} }, state.lang);
    const reopened = reportReopenedMessage(r);
    return [
      h("p", { "data-testid": "report-state" }, t("review.reportState", { state: state_ })),
      reopened ? h("p", { class: "small" }, formatMessage(reopened, state.lang)) : null,
      r.damaged ? h("p", { class: "small" }, r.damaged[state.lang]) : null,
    ];
  }

  function findingItem(f: LocatedFinding, id: string): HTMLElement {
    const cls = "finding finding-" + f.severity;
    if (caps.selectCell && f.sheet && f.cell) {
      return h(
        "li",
        null,
        h("button", { type: "button", id, class: cls + " finding-button", "data-testid": "finding", title: t("findings.goTo", { sheet: f.sheet, cell: f.cell }), onclick: () => select(f) }, findingBody(f)),
      );
    }
    return h("li", { class: cls, "data-testid": "finding" }, findingBody(f));
  }

  function findings(report: CheckReport): HTMLElement {
    const groups = reviewGroups(report.findings, catalog);
    const returned = returnedFindings(report.findings);
    return h(
      "section",
      { "aria-labelledby": "findings-heading" },
      h("h2", { id: "findings-heading" }, t("findings.heading")),
      // what the reviewer returned comes first, with the comment
      returned.length > 0
        ? h(
            "section",
            { class: "group", "aria-labelledby": "returned-heading", "data-testid": "returned-findings" },
            h("h3", { id: "returned-heading" }, t("review.returnedHeading", { count: returned.length })),
            h("p", { class: "small" }, t("review.returnedIntro")),
            h("ul", { class: "list" }, returned.map((f, i) => findingItem(f, "finding-returned-" + i))),
          )
        : null,
      groups.length === 0 ? h("p", null, t("findings.none")) : null,
      groups.map((g) => {
        const label = g.key === "explained" || g.key === "unexplained" ? formatMessage({ key: SHORTFALL_TERM[g.key], params: {} }, state.lang) : t(("findings.severity." + g.key) as UiKey);
        const title = label + " (" + g.count + ")";
        const foldable = g.key === "info" && g.count > FOLD_INFO_OVER;
        const open = !foldable || state.infoOpen;
        const heading = foldable
          ? h("h3", { id: "sev-" + g.key }, button("toggle-info", (open ? "▾ " : "▸ ") + title, () => set({ infoOpen: !state.infoOpen })))
          : h("h3", { id: "sev-" + g.key }, title);
        if (foldable) heading.firstElementChild?.setAttribute("aria-expanded", String(open));
        return h(
          "section",
          { class: "group", "aria-labelledby": "sev-" + g.key, "data-testid": "severity-" + g.key },
          heading,
          open
            ? g.pillars.map((p) =>
                h("div", null, h("h4", null, pillarHeading(catalog, p.pillar).heading[state.lang]), h("ul", { class: "list" }, p.findings.map((f, i) => findingItem(f, "finding-" + g.key + "-" + p.pillar + "-" + i)))),
              )
            : null,
        );
      }),
    );
  }

  function checkScreen(report: CheckReport): HTMLElement {
    const ctx = report.context;
    const unit = ctx.unitCode ? findUnits(registry, ctx.unitCode)[0] : undefined;
    const contextLine = unit
      ? t("check.context", { unit: unitTitle(unit), level: levelName(ctx.level).toLowerCase(), year: String(ctx.year) })
      : t("check.contextNoUnit", { level: levelName(ctx.level), year: String(ctx.year) });
    return h(
      "section",
      { class: "stack", "aria-labelledby": "check-heading" },
      h("div", null, button("back", "← " + t("nav.back"), () => set({ screen: "start" }), {})),
      h("div", null, h("h2", { id: "check-heading" }, t("check.heading")), h("p", { "data-testid": "check-context" }, contextLine)),
      (report.conflicts ?? []).map((c) => notice("warning", conflictText(c, registry, state.lang), { "data-testid": "context-conflict" })),
      h(
        "div",
        { class: "actions" },
        button("recheck", t("check.recheck"), () => void check(), { primary: true, disabled: state.busy }),
        button("clear", t("check.clear"), () => void clear(), { disabled: state.busy }),
      ),
      summary(report),
      h("hr", null),
      findings(report),
    );
  }

  function header(): HTMLElement {
    const langSelect = h(
      "select",
      {
        id: "lang",
        onchange: (ev: Event) => {
          const lang: Lang = (ev.target as HTMLSelectElement).value === "en" ? "en" : "vi";
          saveLang(lang);
          set({ lang });
        },
      },
      h("option", { value: "vi", lang: "vi", selected: state.lang === "vi" }, t("app.language.vi")),
      h("option", { value: "en", lang: "en", selected: state.lang === "en" }, t("app.language.en")),
    ) as HTMLSelectElement;
    langSelect.value = state.lang;
    return h(
      "header",
      { class: "header" },
      h("div", { class: "titles" }, h("h1", null, t("app.title")), h("p", { class: "subtitle" }, t("app.subtitle"))),
      h("div", { class: "field lang" }, h("label", { for: "lang" }, t("app.language")), langSelect),
    );
  }

  function render(): void {
    document.documentElement.setAttribute("lang", state.lang);
    const last = state.lastCommand;
    const onCheck = state.screen === "check" && state.report !== null;
    replaceChildren(
      root,
      h(
        "div",
        { class: "app" },
        header(),
        h(
          "main",
          { class: "main stack" },
          capabilityNotice(),
          last ? notice(last.ok ? "success" : "error", state.lang === "vi" ? last.vi : last.en) : null,
          state.error ? errorNotice(state.error) : null,
          state.status ? notice("success", t(state.status.key, state.status.params)) : null,
          state.busy ? h("p", { class: "busy", role: "status" }, t("app.busy")) : null,
          state.held && !onCheck
            ? notice("info", t("start.held", { unit: heldUnit(state.held), year: state.held.year, sheet: state.held.sheet }), { "data-testid": "held-template" })
            : null,
          state.askContext ? contextRetry() : null,
          // while the level and year are asked, the start screen's own fields would be a second set
          onCheck ? checkScreen(state.report!) : state.askContext ? null : startScreen(),
        ),
      ),
    );
  }

  function heldUnit(held: TemplateMetadata): string {
    const unit = findUnits(registry, held.unitCode)[0];
    return unit ? unitTitle(unit) : held.unitCode;
  }

  render();
  host.readMetadata().then(
    (held) => set({ held }),
    (e: unknown) => set({ error: toUserError(e) }),
  );
}

/** taskpane.html opened outside Excel (or office.js missing): say so, and point to the browser mode. */
export function mountOutsideExcel(root: HTMLElement): void {
  const lang = savedLang();
  const t = (key: UiKey) => translate(lang, key);
  document.documentElement.setAttribute("lang", lang);
  replaceChildren(
    root,
    h(
      "div",
      { class: "app" },
      h("header", { class: "header" }, h("div", { class: "titles" }, h("h1", null, t("app.title")), h("p", { class: "subtitle" }, t("app.subtitle")))),
      h(
        "main",
        { class: "main stack" },
        h("div", { class: "notice notice-info", "data-testid": "outside-excel" }, h("strong", null, t("outside.title")), h("p", null, t("outside.text")), h("a", { href: "index.html" }, t("outside.link"))),
      ),
    ),
  );
}
