import { Link, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useLang } from "../i18n";

// taskpane.html opened in a plain browser: say so, and point to the browser mode that works without Excel.

export function OutsideExcel({ browserModeHref = "index.html" }: { browserModeHref?: string }) {
  const { t } = useLang();
  return (
    <MessageBar intent="info" layout="multiline" data-testid="outside-excel">
      <MessageBarBody>
        <MessageBarTitle>{t("outside.title")}</MessageBarTitle>
        <p style={{ margin: "4px 0" }}>{t("outside.text")}</p>
        <Link href={browserModeHref}>{t("outside.link")}</Link>
      </MessageBarBody>
    </MessageBar>
  );
}
