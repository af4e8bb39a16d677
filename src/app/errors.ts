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
