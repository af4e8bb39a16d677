import { missingContextFields } from "../core/check";
import { ChitieuError } from "../core/errors";
import { formatMessage, msg } from "../core/messages";
import type { Lang } from "./lang";

// What the command line says about an error the user can act on (bad file, bad option, unknown level…), or null for
// anything else: a bug, not dressed up as the user's fault. The CLI says which option to give where the core only
// says what is missing.

const OPTION_TERMS = { level: msg("term.option.level"), year: msg("term.option.year") };

export function userText(e: unknown, lang: Lang): string | null {
  if (!(e instanceof ChitieuError)) return null;
  if (e.is("error.no-context")) {
    const options = missingContextFields(e).map((f) => OPTION_TERMS[f]);
    return formatMessage(msg("error.no-context.options", { missing: e.params.missing, options }), lang);
  }
  return e.text(lang);
}
