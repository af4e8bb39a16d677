import { CheckError } from "../core/check";
import type { Lang } from "../core/messages";
import { HostError, SheetExistsError } from "../hosts/host";
import { translate } from "./i18n/translate";

// Every failure the user can meet, turned into one shape the screens show: never a raw stack, never swallowed.

export type UserErrorKind = "sheet-exists" | "protected" | "host" | "no-indicators" | "no-context" | "check" | "unexpected";

export interface UserError {
  kind: UserErrorKind;
  code: string;
  vi: string;
  en: string;
  /** For sheet-exists: the free name to offer. */
  suggestion?: string;
}

function isProtection(code: string): boolean {
  return /protect/i.test(code);
}

export function toUserError(e: unknown): UserError {
  if (e instanceof SheetExistsError) return { kind: "sheet-exists", code: e.code, vi: e.vi, en: e.en, suggestion: e.suggestion };
  if (e instanceof HostError) return { kind: isProtection(e.code) ? "protected" : "host", code: e.code, vi: e.vi, en: e.en };
  if (e instanceof CheckError && e.code === "no-context") {
    // the core's text suggests CLI flags; the pane offers fields instead
    const missing = [/cấp báo cáo/.test(e.vi) ? "error.noContext.level" : null, /năm báo cáo/.test(e.vi) ? "error.noContext.year" : null].filter(
      (k): k is "error.noContext.level" | "error.noContext.year" => k !== null,
    );
    const say = (lang: "vi" | "en") =>
      translate(lang, "error.noContext", { what: missing.map((k) => translate(lang, k)).join(translate(lang, "error.noContext.and")) });
    return { kind: "no-context", code: e.code, vi: say("vi"), en: say("en") };
  }
  if (e instanceof CheckError) {
    const kind = e.code === "no-indicators" ? "no-indicators" : e.code === "no-context" ? "no-context" : "check";
    return { kind, code: e.code, vi: e.vi, en: e.en };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return { kind: "unexpected", code: "unexpected", vi: translate("vi", "error.unexpected", { detail }), en: translate("en", "error.unexpected", { detail }) };
}

export function errorText(err: UserError, lang: Lang): string {
  return lang === "vi" ? err.vi : err.en;
}

/** A check that cannot tell level/year, or finds no indicator, is answered by letting the user pick and retry. */
export function needsContextChoice(err: UserError): boolean {
  return err.kind === "no-context" || err.kind === "no-indicators";
}
