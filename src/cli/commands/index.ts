import "../zod-jitless";
import "../native-zip";
import type { Io } from "../io";
import type { Lang } from "../lang";
import type { Command } from "../main";

export { userText } from "../user-text";

// Every command's code, which main loads only once a command is to run: the built CLI keeps it in a bundle of its own
// (build/cli/commands.cjs), so `chitieu --help` never loads it. A command's own modules load when it runs, so a check
// does not pay for the consolidated workbook's writer. zod's settings and Node's zlib come first (the imports above).
// userText is exported from here so that it knows the errors of this very code (instanceof, in the same bundle).

export async function runCommand(command: Command, args: string[], lang: Lang, io: Io): Promise<number> {
  switch (command) {
    case "catalog":
      return (await import("./catalog")).runCatalog(args, lang, io);
    case "units":
      return (await import("./units")).runUnits(args, lang, io);
    case "template":
      return (await import("./template")).runTemplate(args, lang, io);
    case "check":
      return (await import("./check")).runCheck(args, lang, io);
    case "map":
      return (await import("./map")).runMap(args, lang, io);
    case "clear":
      return (await import("./clear")).runClear(args, lang, io);
    case "consolidate":
      return (await import("./consolidate")).runConsolidate(args, lang, io);
  }
}
