import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { errorText, type UserError } from "../errors";
import { useLang } from "../i18n";

// One failure, in the current language, with the action that fixes it where there is one.

export interface ErrorNoticeProps {
  error: UserError;
  /** For a sheet name that is taken: insert under the suggested name. */
  onUseSuggestion?: (name: string) => void;
}

export function ErrorNotice({ error, onUseSuggestion }: ErrorNoticeProps) {
  const { t, lang } = useLang();
  const intent = error.kind === "sheet-exists" || error.kind === "no-context" || error.kind === "no-indicators" ? "warning" : "error";
  return (
    <MessageBar intent={intent} layout="multiline" role="alert" data-testid="error">
      <MessageBarBody>
        <MessageBarTitle>{t("error.title")}</MessageBarTitle> {errorText(error, lang)}
      </MessageBarBody>
      {error.suggestion && onUseSuggestion && (
        <MessageBarActions>
          <Button onClick={() => onUseSuggestion(error.suggestion!)}>{t("start.insertAs", { name: error.suggestion })}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function StatusNotice({ text }: { text: string }) {
  return (
    <MessageBar intent="success" role="status">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
