import fs from "node:fs";
import path from "node:path";
import { parse, type Node as AcornNode } from "acorn";
import { JSDOM } from "jsdom";
import { FakeExcel, installFakeOffice } from "../support/fake";
import { buildLegacy, type LegacyBuild } from "./support/build";
import { ie11MissingApis, ie11MissingBuiltins, type MissingFeature } from "./support/ie11";

// The legacy pane (Internet Explorer 11 / EdgeHTML webviews of Office 2016 and 2019), proven without an IE11:
// 1. every script it ships parses as ES5;
// 2. nothing it calls is missing from IE11 (MDN's browser-compat-data) without a polyfill in the bundle;
// 3. its screens work in a window stripped of everything IE11 lacks, over the Excel fake at ExcelApi 1.1 and 1.7.

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, "../..");
const IE11_UA = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";

let build: LegacyBuild;
beforeAll(async () => {
  build = await buildLegacy();
});
afterAll(() => {
  if (build) fs.rmSync(build.dir, { recursive: true, force: true });
});

/** Every script the legacy side loads: the boot script, the pane, the ribbon commands. */
function scripts(): { entry: string; file: string }[] {
  return Object.entries(build.entries).flatMap(([entry, files]) => files.map((file) => ({ entry, file })));
}

describe("ES5 syntax (acorn, ecmaVersion 5)", () => {
  it("the legacy build has the boot script, the pane and the ribbon commands, one file each", () => {
    expect(Object.keys(build.entries).sort()).toEqual(["boot", "commands", "pane"]);
    for (const files of Object.values(build.entries)) expect(files).toHaveLength(1);
  });

  it("every script parses as ES5 (no arrow, class, let/const, template, spread, ?. or ?? left)", () => {
    for (const { file } of scripts()) {
      let error: string | null = null;
      try {
        parse(build.read(file), { ecmaVersion: 5, sourceType: "script" });
      } catch (e) {
        const pos = (e as { pos?: number }).pos ?? 0;
        error = `${(e as Error).message} near ${JSON.stringify(build.read(file).slice(Math.max(0, pos - 60), pos + 60))}`;
      }
      expect({ file, error }).toEqual({ file, error: null });
    }
  });

  it("the check that proves it would catch a modern script", () => {
    expect(() => parse("const f = (a) => a?.b ?? 1;", { ecmaVersion: 5 })).toThrow();
  });

  it("bundles neither React nor Fluent UI, nor the .xlsx host", () => {
    const heavy = build.modules.filter((m) => /node_modules[\\/](react|react-dom|scheduler|@fluentui)[\\/]|src[\\/](app[\\/](components|screens)|hosts[\\/]xlsx)[\\/]/.test(m));
    expect(heavy).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// What the bundle uses that IE11 lacks

type AnyNode = AcornNode & Record<string, unknown>;

interface Used {
  /** Identifiers read and not declared in the module (free names: globals). */
  globals: Set<string>;
  /** Method names called: x.name(…) or x["name"](…). */
  calls: Set<string>;
  /** Owner.member read, e.g. Object.fromEntries. */
  pairs: Set<string>;
  /** Names only tested for (typeof X, if (X.y), X.y ? … : …, X.y && …): feature detection, not a use. */
  tested: Set<string>;
}

/** What the code reads, from its syntax tree. */
function namesUsed(code: string, ecmaVersion: 5 | 2020 = 5): Used {
  const ids = new Set<string>();
  const declared = new Set<string>();
  const used: Used = { globals: new Set(), calls: new Set(), pairs: new Set(), tested: new Set() };
  const memberName = (n: AnyNode): string | null => {
    const prop = n.property as AnyNode;
    return n.computed ? (prop.type === "Literal" && typeof prop.value === "string" ? prop.value : null) : (prop.name as string);
  };
  const testedIn = (n: AnyNode | undefined): void => {
    if (!n) return;
    if (n.type === "Identifier") used.tested.add(n.name as string);
    else if (n.type === "MemberExpression" && (n.object as AnyNode).type === "Identifier") used.tested.add(`${(n.object as AnyNode).name as string}.${memberName(n) ?? ""}`);
    else if (n.type === "BinaryExpression" && n.operator === "in" && (n.right as AnyNode).type === "Identifier" && typeof (n.left as AnyNode).value === "string")
      used.tested.add(`${(n.right as AnyNode).name as string}.${(n.left as AnyNode).value as string}`); // "captureStackTrace" in Error
    else if (n.type === "UnaryExpression" || n.type === "LogicalExpression" || n.type === "BinaryExpression") {
      testedIn(n.argument as AnyNode);
      testedIn(n.left as AnyNode);
      testedIn(n.right as AnyNode);
    }
  };
  const declare = (p: AnyNode | null | undefined): void => {
    if (!p) return;
    if (p.type === "Identifier") declared.add(p.name as string);
    else if (p.type === "AssignmentPattern") declare(p.left as AnyNode);
    else if (p.type === "RestElement") declare(p.argument as AnyNode);
    else if (p.type === "ArrayPattern") (p.elements as AnyNode[]).forEach(declare);
    else if (p.type === "ObjectPattern") (p.properties as AnyNode[]).forEach((q) => declare((q.value ?? q.argument) as AnyNode));
  };
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as AnyNode;
    switch (n.type) {
      case "Identifier":
        ids.add(n.name as string);
        break;
      case "VariableDeclarator":
        declare(n.id as AnyNode);
        break;
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
      case "ClassDeclaration":
        declare(n.id as AnyNode);
        (n.params as AnyNode[] | undefined)?.forEach(declare);
        break;
      case "CatchClause":
        declare(n.param as AnyNode);
        break;
      case "ImportSpecifier":
      case "ImportDefaultSpecifier":
      case "ImportNamespaceSpecifier":
        declare(n.local as AnyNode);
        break;
      case "UnaryExpression":
        if (n.operator === "typeof") testedIn(n.argument as AnyNode);
        break;
      case "IfStatement":
      case "ConditionalExpression":
        testedIn(n.test as AnyNode);
        break;
      case "LogicalExpression":
        testedIn(n.left as AnyNode);
        break;
      case "CallExpression": {
        const callee = n.callee as AnyNode;
        if (callee.type === "MemberExpression") {
          const name = memberName(callee);
          if (name) used.calls.add(name);
        }
        break;
      }
      case "MemberExpression": {
        const name = memberName(n);
        const obj = n.object as AnyNode;
        if (name && obj.type === "Identifier") used.pairs.add(`${obj.name as string}.${name}`);
        visit(n.object);
        if (n.computed) visit(n.property);
        return;
      }
      case "Property":
        if (!n.computed) {
          visit(n.value);
          return;
        }
        break;
    }
    for (const [k, v] of Object.entries(n)) if (k !== "type" && v && typeof v === "object") visit(v);
  };
  visit(parse(code, { ecmaVersion, sourceType: ecmaVersion === 5 ? "script" : "module" }));
  for (const id of ids) if (!declared.has(id)) used.globals.add(id);
  return used;
}

/** Method names some built-in prototype IE11 has: a call of one of these cannot be told apart from the missing one. */
function ie11PrototypeMethods(): Set<string> {
  const missing = new Set(ie11MissingBuiltins().filter((f) => f.kind === "prototype").map((f) => f.name));
  const names = new Set<string>(Object.getOwnPropertyNames(Object.prototype));
  for (const owner of ["Array", "String", "Number", "Boolean", "Date", "RegExp", "Function", "Error"]) {
    const proto = (globalThis as unknown as Record<string, { prototype: object }>)[owner]!.prototype;
    for (const name of Object.getOwnPropertyNames(proto)) if (!missing.has(`${owner}.prototype.${name}`)) names.add(name);
  }
  return names;
}

/** core-js's names: isNaN → is-nan, fromEntries → from-entries, MAX_SAFE_INTEGER → max-safe-integer. */
const kebab = (s: string) =>
  s.replace(/NaN/g, "Nan").replace(/_/g, "-").replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/**
 * The core-js modules that provide a feature: core-js names them es.<owner>.<member> (es.array.includes,
 * es.object.from-entries) and es.<global> (es.map); a replaced global (es.map, es.promise) brings its prototype with
 * it, and Array's keys/values/entries come with es.array.iterator.
 */
function coreJsModulesFor(f: MissingFeature): string[] {
  if (f.kind === "global") return [`es.${kebab(f.property)}`, `es.${kebab(f.property)}.constructor`, `web.${kebab(f.property)}`];
  const owner = kebab(f.owner!);
  const names = [`es.${owner}.${kebab(f.property)}`];
  if (f.kind === "prototype") names.push(`es.${owner}`, `es.${owner}.constructor`);
  if (f.owner === "Array" && ["keys", "values", "entries"].includes(f.property)) names.push("es.array.iterator");
  return names;
}

/** Polyfills that are not core-js: the feature and the module in the bundle that installs it. */
const OTHER_POLYFILLS: Record<string, RegExp> = {
  "String.prototype.normalize": /node_modules[\\/]unorm[\\/]/,
  BigInt: /src[\\/]legacy[\\/]bigint-stub\.ts$/,
};
/**
 * Uses that can never run in the pane, each with the reason; the runtime test below (a window without Proxy) holds
 * them to it.
 */
const NEVER_RUN: Record<string, string[]> = {
  // createTransparentProxy: only for z.lazy-style getters in zod/mini, which no schema of ours uses
  "./node_modules/zod/v4/core/util.js": ["Proxy"],
};
/** The polyfills themselves test for what is missing before they replace it: their code is not a use. */
const POLYFILL_CODE = /node_modules[\\/](core-js|unorm)[\\/]|src[\\/]legacy[\\/]bigint-stub\.ts$/;

/** Features IE11 lacks that `code` uses and no module of `modules` provides. */
function unpolyfilled(code: string, modules: readonly string[], ecmaVersion: 5 | 2020): string[] {
  const used = namesUsed(code, ecmaVersion);
  const ambiguous = ie11PrototypeMethods();
  const bundled = new Set(modules.map((m) => /core-js[\\/]modules[\\/]([^\\/]+)\.js$/.exec(m)?.[1]).filter((m): m is string => !!m));
  const problems: string[] = [];
  for (const f of [...ie11MissingBuiltins(), ...ie11MissingApis()]) {
    const key = f.kind === "static" ? `${f.owner}.${f.property}` : f.property;
    const isUsed =
      f.kind === "global" ? used.globals.has(f.property) : f.kind === "static" ? used.pairs.has(key) : used.calls.has(f.property) && !ambiguous.has(f.property);
    if (!isUsed || used.tested.has(key)) continue; // feature-detected: the code checks before it uses
    const other = OTHER_POLYFILLS[f.name];
    const namespace = f.kind === "global" && [...bundled].some((m) => m.startsWith(`es.${kebab(f.property)}.`));
    const polyfilled = namespace || coreJsModulesFor(f).some((m) => bundled.has(m)) || (other !== undefined && modules.some((m) => other.test(m)));
    if (!polyfilled) problems.push(f.name);
  }
  return [...new Set(problems)].sort();
}

describe("built-ins IE11 lacks (MDN browser-compat-data) are polyfilled where used", () => {
  it("the compatibility table knows what IE11 lacks (Map is there; Object.fromEntries, Array.prototype.includes, normalize, fetch are not)", () => {
    const names = [...ie11MissingBuiltins(), ...ie11MissingApis()].map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(["Object.fromEntries", "Array.prototype.includes", "String.prototype.normalize", "fetch", "Promise", "Symbol"]));
    expect(names).not.toContain("Map");
    expect(names).not.toContain("Array.prototype.forEach");
  });

  it("the check reports a use it has no polyfill for, and accepts it once the polyfill is bundled", () => {
    const code = "export const f = (s) => s.normalize('NFD') + Object.fromEntries([]);";
    expect(unpolyfilled(code, [], 2020)).toEqual(["Object.fromEntries", "String.prototype.normalize"]);
    expect(unpolyfilled(code, ["./node_modules/unorm/lib/unorm.js", "./node_modules/core-js/modules/es.object.from-entries.js"], 2020)).toEqual([]);
  });

  it("every module of the pane and the ribbon commands (ours and zod) calls nothing IE11 lacks without its polyfill in the bundle", () => {
    const checked: string[] = [];
    const problems: Record<string, string[]> = {};
    for (const [name, source] of build.sources) {
      if (POLYFILL_CODE.test(name) || !/\.(ts|js|mjs|cjs)$/.test(name)) continue;
      checked.push(name);
      // a linked node_modules shows under another relative path: the module is named from node_modules on
      const key = name.replace(/^.*?node_modules\//, "./node_modules/");
      const missing = unpolyfilled(source, build.modules, 2020).filter((f) => !(NEVER_RUN[key] ?? []).includes(f));
      if (missing.length > 0) problems[name] = missing;
    }
    expect(checked.filter((n) => n.includes("src/core/")).length).toBeGreaterThan(20);
    expect(checked.some((n) => n.includes("node_modules/zod/"))).toBe(true);
    expect(problems).toEqual({});
  });

  it("the boot script, which runs before any polyfill, uses nothing IE11 lacks at all", () => {
    expect(unpolyfilled(build.read(build.entries.boot![0]!), [], 5)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The screens, in a window without what IE11 lacks

/** taskpane.html as the build writes it, with the boot tag naming the legacy pane. */
function taskpaneHtml(): string {
  const values: Record<string, string> = { boot: build.entries.boot![0]!, legacyScripts: build.entries.pane![0]!, modernScripts: "modern/taskpane.js" };
  return fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8").replace(/<%=\s*([\w.]+)\s*%>/g, (_, k: string) => values[k] ?? "");
}

/** Deletes from the window every built-in and Web API global IE11 lacks (the bundle must bring its own). */
function stripToIe11(win: Record<string, unknown>): string[] {
  const removed: string[] = [];
  for (const f of [...ie11MissingBuiltins(), ...ie11MissingApis()]) {
    // Symbol stays (and Object.getOwnPropertySymbols, by which core-js judges it native): the fake Excel lives in the
    // test's realm and hands over its arrays, which the pane iterates through Symbol.iterator, shared by realms only
    // when native. In IE11 core-js brings its own Symbol, and Office.js objects come from the pane's own realm.
    if (f.name === "Symbol" || f.owner === "Symbol" || f.name === "Object.getOwnPropertySymbols") continue;
    if (f.kind === "global") {
      if (f.property in win && Reflect.deleteProperty(win, f.property)) removed.push(f.name);
      continue;
    }
    const owner = win[f.owner!] as { prototype?: Record<string, unknown> } & Record<string, unknown> | undefined;
    if (!owner) continue;
    const target = f.kind === "prototype" ? owner.prototype : owner;
    // a few (Number.EPSILON, Math constants) are not configurable: those stay, and are not claimed removed
    if (target && f.property in target && Reflect.deleteProperty(target, f.property)) removed.push(f.name);
  }
  // RegExp.prototype[Symbol.split] goes too (IE11 has none: MDN browser-compat-data javascript.builtins.RegExp.@@split,
  // ie version_added false; EdgeHTML neither, edge 79). Left in place, Node's native String.prototype.split would hand
  // a regexp to it, and it builds its splitter from RegExp.prototype.flags (ECMA-262 RegExp.prototype[@@split] step 7),
  // removed above since IE11 lacks it: `'abbc'.split(/(b)*/)`, run by core-js's es.string.split as it loads, throws
  // "Invalid flags … 'undefinedy'", an engine no Office webview is. Without it, split of a regexp is core-js's, as in IE11.
  // (@@match, @@replace, @@search stay: Node's natives stand in for IE11's own regexp match/replace/search.)
  const regexpProto = (win.RegExp as { prototype: object }).prototype;
  const split = (win.Symbol as SymbolConstructor).split;
  if (split in regexpProto && Reflect.deleteProperty(regexpProto, split)) removed.push("RegExp.prototype[@@split]");
  return removed;
}

/** Runs a script in the window's own realm, as a <script> would. */
function evalIn(win: unknown, code: string): void {
  (win as { eval(code: string): unknown }).eval(code);
}

interface Pane {
  dom: JSDOM;
  win: Window & Record<string, unknown>;
  doc: Document;
  fake: FakeExcel;
  errors: unknown[];
}

let current: Pane | null = null;

async function until<T>(what: string, probe: () => T | null | undefined | false, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) {
      const shown = current?.doc.querySelector("main")?.textContent?.slice(0, 600);
      throw new Error(`timed out waiting for ${what}; the pane shows: ${shown}; logged: ${JSON.stringify(current?.errors.map(String))}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Opens taskpane.html in jsdom, without what IE11 lacks, with the fake Excel as Office.js, and runs boot then pane. */
function openPane(apiVersion: string): Pane {
  const dom = new JSDOM(taskpaneHtml(), { url: "https://addin.example.gov.vn/chitieu/taskpane.html", runScripts: "outside-only", pretendToBeVisual: true });
  const win = dom.window as unknown as Window & Record<string, unknown>;
  Object.defineProperty(win.navigator, "userAgent", { value: IE11_UA });
  const errors: unknown[] = [];
  (win as unknown as { console: Console }).console = { ...console, error: (...a: unknown[]) => errors.push(a), info: () => undefined } as Console;
  const removed = stripToIe11(win);
  expect(removed).toEqual(expect.arrayContaining(["Promise", "Array.prototype.includes", "String.prototype.normalize", "Object.fromEntries", "RegExp.prototype.flags", "RegExp.prototype[@@split]"]));

  const fake = new FakeExcel({ apiVersion, sheets: ["Sheet1"] });
  const installed = installFakeOffice(fake);
  win.Office = (globalThis as Record<string, unknown>).Office;
  win.Excel = (globalThis as Record<string, unknown>).Excel;
  installed.uninstall();

  // the boot script first, as taskpane.html runs it: it must choose the legacy pane for IE11 and need no polyfill
  evalIn(win, build.read(build.entries.boot![0]!));
  const added = [...win.document.querySelectorAll("script[src]")].map((s) => s.getAttribute("src"));
  expect(added).toContain(build.entries.pane![0]);
  expect(added).not.toContain("modern/taskpane.js");
  // jsdom fetches nothing here: the pane's file is run as the browser would run the script the boot script added
  evalIn(win, build.read(build.entries.pane![0]!));
  current = { dom, win, doc: win.document, fake, errors };
  return current;
}

const byText = (doc: Document, selector: string, text: string | RegExp) =>
  [...doc.querySelectorAll<HTMLElement>(selector)].find((e) => (typeof text === "string" ? e.textContent?.trim() === text : text.test(e.textContent ?? "")));

function choose(p: Pane, label: string, value: string): void {
  const lab = byText(p.doc, "label", label);
  const select = p.doc.getElementById(lab!.getAttribute("for")!) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new (p.win as unknown as typeof globalThis).Event("change", { bubbles: true }) as Event);
}

function click(p: Pane, el: HTMLElement | undefined | null, what: string): void {
  if (!el) throw new Error(`no ${what}`);
  el.click();
}

describe.each(["1.1", "1.7"])("the legacy pane at ExcelApi %s, in a window without what IE11 lacks", (apiVersion) => {
  let p: Pane;
  afterEach(() => p?.dom.window.close());

  it("inserts the template, checks, selects a finding's cell, clears; started without the failure notice", async () => {
    p = openPane(apiVersion);
    await until("the start screen", () => byText(p.doc, "h2", "Chọn biểu mẫu"));
    expect(p.doc.getElementById("boot-failed")!.hasAttribute("hidden")).toBe(true);
    // consolidation is not in this pane: it says where it is
    expect(p.doc.querySelector("[data-testid=legacy-consolidate]")!.textContent).toBe(
      "Tổng hợp báo cáo của các đơn vị chưa có trong khung bổ trợ của phiên bản Excel này (Office 2016/2019). Hãy dùng chế độ trình duyệt (mở trang bổ trợ trong trình duyệt, chọn \"Tổng hợp nhiều tệp\") hoặc dòng lệnh chitieu consolidate.",
    );
    // below 1.18 notes are missing; below 1.6 conditional formats too (the pane says marks are fills then)
    expect(p.doc.querySelector("[data-testid=capabilities]")!.textContent!.includes("định dạng có điều kiện")).toBe(apiVersion === "1.1");

    choose(p, "Cấp báo cáo", "district");
    choose(p, "Năm báo cáo", "2025");
    choose(p, "Đơn vị báo cáo", "huyen-tam-duong");
    click(p, byText(p.doc, "button", "Chèn biểu mẫu"), "insert button");
    await until("the insert status", () => byText(p.doc, "[role=status]", 'Đã chèn biểu mẫu vào trang "Báo cáo".'));
    expect(p.fake.sheetNames()).toContain("Báo cáo");

    // the clerk types: CQS-09 short of its target (explained in its "Ghi chú" cell), XHS-09 malformed
    for (const [cell, value] of [["G18", 22], ["H18", 100], ["M18", "Phần mềm nâng cấp tháng 10"], ["I30", "Có lẽ"]] as const) await p.fake.edit(`'Báo cáo'!${cell}`, value);
    const ownFill = p.fake.cell("'Báo cáo'!I30")?.fill ?? null;
    const rulesBefore = p.fake.conditionalFormats("Báo cáo").length;

    click(p, byText(p.doc, "button", "Kiểm tra sổ tính"), "check button");
    await until("the marks", () => byText(p.doc, "[role=status]", /^Đã đánh dấu \d+ ô trong sổ tính\.$/));
    expect(byText(p.doc, "h2", "Kết quả kiểm tra")).toBeTruthy();
    expect(p.doc.querySelector("[data-testid=check-context]")!.textContent).toBe("huyện Tam Đường · cấp huyện · năm 2025");
    expect(p.doc.querySelector("[data-testid=count-notMet] dd")!.textContent).toBe("1");
    expect(p.doc.querySelector("[data-testid=count-invalid] dd")!.textContent).toBe("1");
    expect(p.doc.querySelector("[data-testid=severity-error]")!.textContent).toContain('Ô số liệu ghi "Có lẽ"');
    // the explained shortfall is said apart, with the explanation; the report is not yet reviewed
    expect(p.doc.querySelector("[data-testid=shortfall-counts]")!.textContent).toBe("Chưa đạt: 1 có giải trình, 0 chưa giải trình");
    expect(p.doc.querySelector("[data-testid=severity-explained] h3")!.textContent).toBe("Chưa đạt — có giải trình (1)");
    expect(p.doc.querySelector("[data-testid=severity-explained] [data-testid=finding-explanation]")!.textContent).toBe("Giải trình: Phần mềm nâng cấp tháng 10");
    expect(p.doc.querySelector("[data-testid=report-state]")!.textContent).toBe("Báo cáo: Chưa duyệt");
    if (apiVersion === "1.1") expect(p.fake.cell("'Báo cáo'!I30")?.fill).toBe("#FFC7CE");
    else expect(p.fake.conditionalFormats("Báo cáo").length).toBeGreaterThan(rulesBefore);

    const finding = p.doc.querySelector<HTMLElement>("[data-testid=severity-error] button[data-testid=finding]");
    expect(finding?.getAttribute("title")).toBe('Chọn ô I30 trên trang "Báo cáo"');
    click(p, finding, "error finding");
    await until("the selection", () => p.fake.selection);
    expect(p.fake.selection).toMatch(/I30/);

    const clearButton = await until("the pane to be ready again", () => {
      const b = byText(p.doc, "button", "Xóa đánh dấu") as HTMLButtonElement | undefined;
      return b && !b.disabled ? b : null;
    });
    click(p, clearButton, "clear button");
    await until("the clear status", () => byText(p.doc, "[role=status]", "Đã xóa các đánh dấu của Chỉ tiêu CĐS."));
    expect(p.fake.cell("'Báo cáo'!I30")?.fill ?? null).toBe(ownFill);
    expect(p.fake.conditionalFormats("Báo cáo").length).toBe(rulesBefore);
    expect(p.errors).toEqual([]);
  });

  it("speaks English when asked, and remembers it", async () => {
    p = openPane(apiVersion);
    await until("the start screen", () => byText(p.doc, "h2", "Chọn biểu mẫu"));
    choose(p, "Ngôn ngữ", "en");
    await until("the English start screen", () => byText(p.doc, "h2", "Choose a template") ?? byText(p.doc, "label", "Reporting level"));
    expect(byText(p.doc, "label", "Reporting level")).toBeTruthy();
    expect(p.doc.querySelector("[data-testid=legacy-consolidate]")!.textContent).toMatch(/^Consolidating the units' reports is not in this Excel version's add-in pane \(Office 2016\/2019\)\. Use the browser mode .* or the command line chitieu consolidate\.$/);
    expect(p.doc.documentElement.getAttribute("lang")).toBe("en");
    expect(p.win.localStorage.getItem("chitieu.lang")).toBe("en");
  });

  it("a workbook that is not our template: asks for level and year, then checks with them", async () => {
    p = openPane(apiVersion);
    p.fake.setCells("Sheet1", { A1: "Mã", B1: "Giá trị", A2: "CQS-09", B2: "22%" });
    await until("the start screen", () => byText(p.doc, "h2", "Chọn biểu mẫu"));
    click(p, byText(p.doc, "button", "Kiểm tra sổ tính"), "check button");
    await until("the level/year question", () => p.doc.querySelector("[data-testid=context-retry]"));
    expect(p.doc.querySelector("[data-testid=error]")!.textContent).toMatch(/chưa biết/);
    click(p, byText(p.doc, "button", "Kiểm tra với lựa chọn này"), "retry button");
    await until("the results", () => byText(p.doc, "h2", "Kết quả kiểm tra"));
  });

  const levelFields = (p: Pane) => [...p.doc.querySelectorAll("label")].filter((l) => l.textContent === "Cấp báo cáo").length;

  it("a workbook with no indicator table: says so first, asks no level or year, and offers to insert the template", async () => {
    p = openPane(apiVersion);
    p.fake.setCells("Sheet1", { A1: "Họ tên", B1: "Tuổi", A2: "An", B2: 30 });
    await until("the start screen", () => byText(p.doc, "h2", "Chọn biểu mẫu"));
    choose(p, "Cấp báo cáo", "district");
    choose(p, "Năm báo cáo", "2025");
    choose(p, "Đơn vị báo cáo", "huyen-tam-duong");
    click(p, byText(p.doc, "button", "Kiểm tra sổ tính"), "check button");
    const error = await until("the message", () => p.doc.querySelector<HTMLElement>("[data-testid=error]"));
    expect(error.textContent).toContain("Sổ tính này không có biểu mẫu Chỉ tiêu CĐS và không có bảng chỉ tiêu nào.");
    expect(error.querySelector("[data-testid=template-offer]")).not.toBeNull();
    expect(p.doc.querySelector("[data-testid=context-retry]")).toBeNull();
    expect(levelFields(p)).toBe(1);
    click(p, error.querySelector<HTMLElement>("#offer-insert"), "the offered insert");
    await until("the insert status", () => byText(p.doc, "[role=status]", 'Đã chèn biểu mẫu vào trang "Báo cáo".'));
  });

  it("an office's table: one set of level and year fields while asking, and a level contradicting its title is warned of", async () => {
    p = openPane(apiVersion);
    p.fake.setCells("Sheet1", { A1: "UBND HUYỆN TAM ĐƯỜNG", A2: "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2025", A4: "Mã", B4: "Tử số", C4: "Mẫu số", A5: "CQS-02", B5: 85, C5: 100 });
    await until("the start screen", () => byText(p.doc, "h2", "Chọn biểu mẫu"));
    click(p, byText(p.doc, "button", "Kiểm tra sổ tính"), "check button");
    await until("the level/year question", () => p.doc.querySelector("[data-testid=context-retry]"));
    expect(levelFields(p)).toBe(1);
    choose(p, "Cấp báo cáo", "commune");
    choose(p, "Năm báo cáo", "2025");
    click(p, byText(p.doc, "button", "Kiểm tra với lựa chọn này"), "retry button");
    const warning = await until("the warning", () => p.doc.querySelector("[data-testid=context-conflict]"));
    expect(warning.textContent).toBe('Sổ tính ghi cấp huyện (ô A1 của trang "Sheet1": "UBND HUYỆN TAM ĐƯỜNG") nhưng bạn đã chọn cấp xã: kết quả dưới đây theo mục tiêu cấp xã, như bạn chọn.');
  });
});

describe("splitting by a regexp in a window without what IE11 lacks", () => {
  afterEach(() => current?.dom.window.close());

  it("works, by core-js as in IE11: a label into words (as the mapping splits them), with captures, with a limit", () => {
    const p = openPane("1.1");
    const run = (code: string): unknown[] => Array.from((p.win as unknown as { eval(c: string): ArrayLike<unknown> }).eval(code));
    // with no @@split on RegExp.prototype, Node's own split would take the regexp for the string "/[^a-z0-9]+/": this is
    // core-js's split at work (it cannot be told by its source: core-js makes its functions print as native)
    expect(run("'1. ho so - cong viec (hscv)'.split(/[^a-z0-9]+/)")).toEqual(["1", "ho", "so", "cong", "viec", "hscv", ""]);
    expect(run("'abbc'.split(/(b)*/)")).toEqual(["a", "b", "c"]);
    expect(run("'a1b22c333d'.split(/\\d+/, 2)")).toEqual(["a", "b"]);
    expect(p.errors).toEqual([]);
  });
});

describe("boot script: never a blank pane", () => {
  it("when the legacy pane's file cannot load, shows what to do with the browser mode's full address", () => {
    const dom = new JSDOM(taskpaneHtml(), { url: "https://addin.example.gov.vn/chitieu/taskpane.html", runScripts: "outside-only" });
    const win = dom.window as unknown as Window & Record<string, unknown>;
    Object.defineProperty(win.navigator, "userAgent", { value: IE11_UA });
    stripToIe11(win);
    evalIn(win, build.read(build.entries.boot![0]!));
    const box = win.document.getElementById("boot-failed")!;
    expect(box.hasAttribute("hidden")).toBe(true);
    const pane = win.document.querySelector(`script[src="${build.entries.pane![0]}"]`)!;
    pane.dispatchEvent(new (win as unknown as typeof globalThis).Event("error") as Event);
    expect(box.hasAttribute("hidden")).toBe(false);
    const text = box.textContent!.replace(/\s+/g, " ");
    expect(text).toContain("Không mở được Chỉ tiêu CĐS trong Excel này.");
    expect(text).toContain("dùng chế độ trình duyệt (không cần Excel) tại địa chỉ https://addin.example.gov.vn/chitieu/index.html");
    expect(text).toContain("use the browser mode (no Excel needed) at https://addin.example.gov.vn/chitieu/index.html");
    expect(text).toContain(`legacy-load: ${build.entries.pane![0]}`);
    dom.window.close();
  });

  it("when the legacy pane throws while starting, shows the same message", () => {
    const dom = new JSDOM(taskpaneHtml(), { url: "https://addin.example.gov.vn/chitieu/taskpane.html", runScripts: "outside-only" });
    const win = dom.window as unknown as Window & Record<string, unknown> & { chitieuBoot: { failed(c: string): void } };
    Object.defineProperty(win.navigator, "userAgent", { value: IE11_UA });
    evalIn(win, build.read(build.entries.boot![0]!));
    win.Office = { onReady: () => ({ then: (ok: (i: unknown) => unknown) => { try { ok({ host: "Excel" }); } catch (e) { return { then: (_: unknown, bad: (e: unknown) => void) => bad(e) }; } return { then: () => undefined }; } }), HostType: { Excel: "Excel" } };
    evalIn(win, build.read(build.entries.pane![0]!)); // no Excel global: createOfficeHostFromGlobals throws
    expect(win.document.getElementById("boot-failed")!.hasAttribute("hidden")).toBe(false);
    expect(win.document.querySelector(".boot-failed-code")!.textContent).toMatch(/^legacy-start: /);
    dom.window.close();
  });

  it("in a modern engine loads the modern pane's files, in order, and not the legacy one", () => {
    const dom = new JSDOM(taskpaneHtml(), { url: "https://addin.example.gov.vn/chitieu/taskpane.html", runScripts: "outside-only" });
    const win = dom.window as unknown as Window;
    Object.defineProperty(win.navigator, "userAgent", { value: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0" });
    evalIn(win, build.read(build.entries.boot![0]!));
    expect([...win.document.querySelectorAll("script[src]")].map((s) => s.getAttribute("src")).filter((s) => s !== build.entries.boot![0])).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "modern/taskpane.js",
    ]);
    dom.window.close();
  });
});
