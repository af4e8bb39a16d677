import { missingContextFields } from "../core/check";
import { ChitieuError } from "../core/errors";
import type { Lang } from "../core/messages";
import { translate } from "./i18n/translate";

// Every failure the user can meet, turned into what the screens show: never a raw stack, never swallowed.
// A ChitieuError is rendered from the catalogs; anything else is a bug, shown as "unexpected" with its message.

export type UserErrorKind = "sheet-exists" | "protected" | "host" | "check" | "no-indicators" | "no-context" | "unexpected";

export interface UserError {
  kind: UserErrorKind;
  code: string;
  vi: string;
  en: string;
  /** For sheet-exists: the free name to offer. */
  suggestion?: string;
}

export function toUserError(e: unknown): UserError {
  if (!(e instanceof ChitieuError)) {
    const detail = e instanceof Error ? e.message : String(e);
    return { kind: "unexpected", code: "unexpected", vi: translate("vi", "error.unexpected", { detail }), en: translate("en", "error.unexpected", { detail }) };
  }
  if (e.is("error.sheet-exists")) return { kind: "sheet-exists", code: e.code, vi: e.text("vi"), en: e.text("en"), suggestion: String(e.params.suggestion) };
  if (e.code === "no-context") {
    // the pane asks for the missing fields with its own pickers, so it names them its own way (no CLI options)
    const missing = missingContextFields(e).map((f) => (f === "level" ? "error.noContext.level" : "error.noContext.year"));
    const say = (lang: Lang) => translate(lang, "error.noContext", { what: missing.map((k) => translate(lang, k)).join(translate(lang, "error.noContext.and")) });
    return { kind: "no-context", code: e.code, vi: say("vi"), en: say("en") };
  }
  const kind = e.code === "no-indicators" ? "no-indicators" : e.code === "sheet-protected" ? "protected" : e.code === "bad-year" ? "check" : "host";
  return { kind, code: e.code, vi: e.text("vi"), en: e.text("en") };
}

export function errorText(err: UserError, lang: Lang): string {
  return lang === "vi" ? err.vi : err.en;
}

/**
 * Whether the level/year question is on screen after a failure: asked when the check cannot tell them, withdrawn when
 * the workbook has no indicator table (no level or year can help it: the template is offered instead), else unchanged.
 */
export function askContextAfter(err: UserError, asking: boolean): boolean {
  if (err.kind === "no-context") return true;
  if (err.kind === "no-indicators") return false;
  return asking;
}
