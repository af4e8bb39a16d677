import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { CheckReport } from "../../core/check";
import type { UnitRegistry } from "../../core/units";
import { conflictText } from "../conflicts";
import { useLang } from "../i18n";

// A level, year or unit the user chose that contradicts what the workbook states: said beside the results it shaped.

export function ConflictNotice({ report, registry }: { report: CheckReport; registry: UnitRegistry }) {
  const { lang } = useLang();
  if (!report.conflicts) return null;
  return (
    <>
      {report.conflicts.map((c) => (
        <MessageBar key={c.field} intent="warning" layout="multiline" data-testid="context-conflict">
          <MessageBarBody>{conflictText(c, registry, lang)}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
