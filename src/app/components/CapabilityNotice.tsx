import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { HostCapabilities } from "../../hosts/host";
import { useLang } from "../i18n";

// What this Excel lacks, and what still works: shown instead of failing later.

export function CapabilityNotice({ missing }: { missing: HostCapabilities["missing"] }) {
  const { t } = useLang();
  if (missing.length === 0) return null;
  return (
    <MessageBar intent="info" layout="multiline" data-testid="capabilities">
      <MessageBarBody>
        <MessageBarTitle>{t("caps.title")}</MessageBarTitle>
        <ul style={{ margin: "4px 0", paddingLeft: 18 }}>
          {missing.map((m) => (
            <li key={m.feature}>
              {t(`caps.feature.${m.feature}`)} ({t("caps.requires", { requirement: m.requirement })})
            </li>
          ))}
        </ul>
        {t("caps.stillWorks")}
      </MessageBarBody>
    </MessageBar>
  );
}
