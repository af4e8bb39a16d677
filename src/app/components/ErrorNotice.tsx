import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { errorText, type UserError } from "../errors";
import { useLang } from "../i18n";

// One failure, in the current language, with the action that fixes it where there is one.

export interface ErrorNoticeProps {
  error: UserError;
  /** For a sheet name that is taken: insert under the suggested name. */
  onUseSuggestion?: (name: string) => void;
  /** For a workbook with no indicator table: what the page offers instead (insert or download the template). */
  templateOffer?: { text: string; action: string; disabled: boolean; onClick: () => void };
}

export function ErrorNotice({ error, onUseSuggestion, templateOffer }: ErrorNoticeProps) {
  const { t, lang } = useLang();
  const offer = error.kind === "no-indicators" ? templateOffer : undefined;
  const intent = error.kind === "sheet-exists" || error.kind === "no-context" || error.kind === "no-indicators" ? "warning" : "error";
  return (
    <MessageBar intent={intent} layout="multiline" role="alert" data-testid="error">
      <MessageBarBody>
        <MessageBarTitle>{t("error.title")}</MessageBarTitle> {errorText(error, lang)}
        {offer && <p data-testid="template-offer">{offer.text}</p>}
      </MessageBarBody>
      {offer && (
        <MessageBarActions>
          <Button disabled={offer.disabled} onClick={offer.onClick}>
            {offer.action}
          </Button>
        </MessageBarActions>
      )}
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
