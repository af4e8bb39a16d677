import { createContext, useContext, type ReactNode } from "react";
import { formatNumber, type Lang } from "../../core/messages";
import { en } from "./en";
import { vi, type UiKey } from "./vi";

export { vi, en, type UiKey };
export type { Lang };

export const uiStrings: Readonly<Record<Lang, Readonly<Record<UiKey, string>>>> = { vi, en };

export type UiParams = Readonly<Record<string, string | number>>;

/** UI text in one language; numbers are written the language's way (38,3 / 38.3). */
export function translate(lang: Lang, key: UiKey, params: UiParams = {}): string {
  return uiStrings[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === "number" ? formatNumber(v, lang) : v;
  });
}

export type Translate = (key: UiKey, params?: UiParams) => string;

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const LangContext = createContext<LangState>({ lang: "vi", setLang: () => undefined });

export function LangProvider({ lang, setLang, children }: LangState & { children: ReactNode }) {
  return <LangContext.Provider value={{ lang, setLang }}>{children}</LangContext.Provider>;
}

export function useLang(): LangState & { t: Translate } {
  const state = useContext(LangContext);
  return { ...state, t: (key, params) => translate(state.lang, key, params) };
}
