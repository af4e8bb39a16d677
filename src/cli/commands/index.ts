import "../zod-jitless";
import "../native-zip";
import type { Io } from "../io";
import type { Lang } from "../lang";
import type { Command } from "../main";
import { runCatalog } from "./catalog";
import { runCheck } from "./check";
import { runClear } from "./clear";
import { runConsolidate } from "./consolidate";
import { runMap } from "./map";
import { runReview } from "./review";
import { runTemplate } from "./template";
import { runUnits } from "./units";

export { userText } from "../user-text";

// Every command's code, which main loads only once a command is to run: the built CLI keeps it in a bundle of its own
// (build/cli/commands.js), so `chitieu --help` never loads it. (Loading each command's modules only when it runs was
// measured no faster: a check needs most of them.) zod's settings and Node's zlib come first (the imports above).
// userText is exported from here so that it knows the errors of this very code (instanceof, in the same bundle).

export async function runCommand(command: Command, args: string[], lang: Lang, io: Io): Promise<number> {
  switch (command) {
    case "catalog":
      return runCatalog(args, lang, io);
    case "units":
      return runUnits(args, lang, io);
    case "template":
      return runTemplate(args, lang, io);
    case "check":
      return runCheck(args, lang, io);
    case "review":
      return runReview(args, lang, io);
    case "map":
      return runMap(args, lang, io);
    case "clear":
      return runClear(args, lang, io);
    case "consolidate":
      return runConsolidate(args, lang, io);
  }
}
