import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { TemplateMetadata } from "../../core/snapshot";
import { findUnits, unitTitle, type UnitRegistry } from "../../core/units";
import { useLang } from "../i18n";

// Whose report this workbook is, read from our metadata when the pane opens: reviewers see it before checking.

export function HeldTemplate({ held, registry }: { held: TemplateMetadata; registry: UnitRegistry }) {
  const { t } = useLang();
  const unit = findUnits(registry, held.unitCode)[0];
  return (
    <MessageBar intent="info" data-testid="held-template">
      <MessageBarBody>{t("start.held", { unit: unit ? unitTitle(unit) : held.unitCode, year: held.year, sheet: held.sheet })}</MessageBarBody>
    </MessageBar>
  );
}
