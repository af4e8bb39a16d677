import { createContext, useContext, type ReactNode } from "react";
import type { Lang } from "../../core/messages";
import { translate, type UiParams } from "./translate";
import type { UiKey } from "./vi";

export { vi } from "./vi";
export { en } from "./en";
export { translate, uiStrings, type UiParams } from "./translate";
export type { UiKey, Lang };

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
