import { parseArgs } from "node:util";
import { defaultCatalog } from "../core/catalog";
import { runCheck } from "./commands/check";
import { catalogJson, catalogTable } from "./commands/catalog";
import { runClear } from "./commands/clear";
import { runConsolidate } from "./commands/consolidate";
import { runMap } from "./commands/map";
import { runReview } from "./commands/review";
import { runTemplate } from "./commands/template";
import { unitsTable } from "./commands/units";
import { registryFrom } from "./files";
import { stdio, type Io } from "./io";
import { parseLang, type Lang } from "./lang";
import { parseYear } from "./options";
import { t } from "./strings";
import { cliVersion } from "./version";
import { userText } from "./user-text";

// The `chitieu` command line. Exit codes: 0 ran; 1 --strict and error-level findings; 2 unusable input or usage.

const COMMANDS = ["catalog", "units", "template", "check", "review", "map", "clear", "consolidate"] as const;
type Command = (typeof COMMANDS)[number];

function usage(lang: Lang): string {
  return [t(lang, "help.usage"), t(lang, "help.commands"), ...COMMANDS.map((c) => t(lang, `help.${c}`)), t(lang, "help.common")].join("\n");
}

function commandHelp(command: Command, lang: Lang): string {
  return [t(lang, "help.command-usage"), t(lang, `help.${command}`), t(lang, "help.common")].join("\n");
}

/**
 * The options that mean the same before or after the command (`chitieu --lang en --help`, `chitieu check --help`):
 * --lang, --help and --version. The command is the first word that is neither one of them nor --lang's value.
 */
function globalOptions(argv: string[]) {
  let lang: string | undefined;
  let langMissing = false;
  let help = false;
  let version = false;
  let commandAt = -1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") break;
    if (a === "--lang") {
      lang = argv[i + 1];
      if (lang === undefined || lang.startsWith("-")) langMissing = true;
      else i++;
    } else if (a.startsWith("--lang=")) lang = a.slice("--lang=".length);
    else if (a === "--help" || a === "-h") help = true;
    else if (a === "--version" || a === "-V") version = true;
    else if (commandAt < 0 && !a.startsWith("-")) commandAt = i;
  }
  return { lang, langMissing, help, version, commandAt };
}

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const g = globalOptions(argv);
  const chosen = g.langMissing ? null : parseLang(g.lang);
  const lang: Lang = chosen ?? "vi";
  if (chosen === null) {
    io.err(`${g.langMissing ? t(lang, "usage.missing-lang") : t(lang, "usage.bad-lang", { lang: g.lang ?? "" })}\n`);
    return 2;
  }
  const command = g.commandAt >= 0 ? argv[g.commandAt] : undefined;
  const rest = g.commandAt >= 0 ? [...argv.slice(0, g.commandAt), ...argv.slice(g.commandAt + 1)] : argv;
  if (g.version) {
    io.out(`chitieu ${cliVersion()}\n`);
    return 0;
  }
  if (!command || command === "help") {
    const asked = command === "help" ? argv[g.commandAt + 1] : undefined;
    io.out((isCommand(asked) ? commandHelp(asked, lang) : usage(lang)) + "\n");
    return command || g.help ? 0 : 2;
  }
  if (g.help) {
    if (!isCommand(command)) {
      io.err(`${t(lang, "usage.unknown-command", { command })}\n${usage(lang)}\n`);
      return 2;
    }
    io.out(commandHelp(command, lang) + "\n");
    return 0;
  }
  try {
    switch (command) {
      case "catalog": {
        const { values } = parseArgs({ args: rest, options: { json: { type: "boolean" }, lang: { type: "string" } }, strict: true });
        const catalog = defaultCatalog();
        io.out(values.json ? JSON.stringify(catalogJson(catalog), null, 2) + "\n" : catalogTable(catalog, lang));
        return 0;
      }
      case "units": {
        const { values } = parseArgs({ args: rest, options: { json: { type: "boolean" }, year: { type: "string" }, units: { type: "string" }, lang: { type: "string" } }, strict: true });
        const reg = registryFrom(values.units);
        io.out(values.json ? JSON.stringify(reg, null, 2) + "\n" : unitsTable(reg, lang, parseYear(values.year)));
        return 0;
      }
      case "template":
        return runTemplate(rest, lang, io);
      case "check":
        return await runCheck(rest, lang, io);
      case "clear":
        return await runClear(rest, lang, io);
      case "consolidate":
        return await runConsolidate(rest, lang, io);
      case "map":
        return await runMap(rest, lang, io);
      case "review":
        return await runReview(rest, lang, io);
      default:
        io.err(`${t(lang, "usage.unknown-command", { command })}\n${usage(lang)}\n`);
        return 2;
    }
  } catch (e) {
    // checked by code, not instanceof: the error may come from another realm (test sandboxes)
    if (isParseArgsError(e)) {
      io.err(`${t(lang, "usage.bad-option", { detail: (e as Error).message })}\n${isCommand(command) ? commandHelp(command, lang) : usage(lang)}\n`);
      return 2;
    }
    const text = userText(e, lang);
    if (text !== null) {
      io.err(`${text}\n`);
      return 2;
    }
    throw e;
  }
}

function isCommand(s: string | undefined): s is Command {
  return (COMMANDS as readonly string[]).includes(s ?? "");
}

function isParseArgsError(e: unknown): boolean {
  return typeof e === "object" && e !== null && String((e as { code?: unknown }).code ?? "").startsWith("ERR_PARSE_ARGS");
}
