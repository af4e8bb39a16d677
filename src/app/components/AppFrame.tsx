import { Field, FluentProvider, makeStyles, Select, Text, Title2, tokens } from "@fluentui/react-components";
import { useEffect, useState, type ReactNode } from "react";
import type { Lang } from "../../core/messages";
import { LangProvider, translate } from "../i18n";
import { themeFor } from "../theme";

// The frame around every screen: theme, language state and switch, title. The chosen language is remembered.

const LANG_KEY = "chitieu.lang";

function savedLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

const useStyles = makeStyles({
  root: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    justifyContent: "space-between",
    gap: "8px 16px",
    padding: "12px 16px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  main: { padding: "12px 16px 24px", display: "flex", flexDirection: "column", gap: "16px" },
  lang: { minWidth: "130px" },
});

export interface AppFrameProps {
  dark: boolean;
  initialLang?: Lang;
  children: ReactNode;
  maxWidth?: number;
}

export function AppFrame({ dark, initialLang, children, maxWidth }: AppFrameProps) {
  const styles = useStyles();
  const [lang, setLangState] = useState<Lang>(() => initialLang ?? savedLang());
  const setLang = (next: Lang) => {
    setLangState(next);
    try {
      globalThis.localStorage?.setItem(LANG_KEY, next);
    } catch {
      // not remembered when storage is blocked; the switch still works for this session
    }
  };
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  return (
    <FluentProvider theme={themeFor(dark)} className={styles.root}>
      <LangProvider lang={lang} setLang={setLang}>
        <header className={styles.header}>
          <div>
            <Title2 as="h1">{t("app.title")}</Title2>
            <Text as="p" block size={200}>
              {t("app.subtitle")}
            </Text>
          </div>
          <Field label={t("app.language")} className={styles.lang}>
            <Select value={lang} onChange={(_, d) => setLang(d.value === "en" ? "en" : "vi")}>
              <option value="vi" lang="vi">
                {t("app.language.vi")}
              </option>
              <option value="en" lang="en">
                {t("app.language.en")}
              </option>
            </Select>
          </Field>
        </header>
        <main className={styles.main} style={maxWidth ? { maxWidth } : undefined}>
          {children}
        </main>
      </LangProvider>
    </FluentProvider>
  );
}
