import { stdio, type Io } from "./io";
import { parseLang, type Lang } from "./lang";
import { t } from "./strings";
import { cliVersion } from "./version";

// The `chitieu` command line. Exit codes: 0 ran; 1 --strict and error-level findings; 2 unusable input or usage.
// Only the argument handling, help and version are loaded at start; the commands' code (the catalog and its
// validation, the workbook reader, zod) is loaded when a command runs, so `chitieu --help` starts in about the time of
// node itself (issue 11; measured by `npm run bench:start`).

export const COMMANDS = ["catalog", "units", "template", "check", "review", "map", "clear", "consolidate"] as const;
export type Command = (typeof COMMANDS)[number];

type Commands = typeof import("./commands");
/**
 * How the commands' code is loaded: from the sources by default; bin/chitieu.cjs loads the built bundle through V8's
 * code cache, a cache per command.
 */
export type LoadCommands = (command: Command) => Promise<Commands>;
const fromSources: LoadCommands = () => import("./commands");

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

export async function main(argv: string[], io: Io = stdio, loadCommands: LoadCommands = fromSources): Promise<number> {
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
  if (!isCommand(command)) {
    io.err(`${t(lang, "usage.unknown-command", { command })}\n${usage(lang)}\n`);
    return 2;
  }
  let commands: Commands | undefined;
  try {
    commands = await loadCommands(command);
    return await commands.runCommand(command, rest, lang, io);
  } catch (e) {
    // checked by code, not instanceof: the error may come from another realm (test sandboxes)
    if (isParseArgsError(e)) {
      io.err(`${t(lang, "usage.bad-option", { detail: (e as Error).message })}\n${commandHelp(command, lang)}\n`);
      return 2;
    }
    const text = commands?.userText(e, lang) ?? null;
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
