import { useState } from "react";
import { localChoiceStore } from "./choice";

// The reviewer's name, typed once and remembered on this computer. localStorage, in the pane as in the browser mode:
// Office.context.roamingSettings is Outlook's (Mailbox 1.1), not Excel's, and document settings would be per workbook,
// when the name belongs to the person reviewing many.

const KEY = "chitieu.reviewer";

export function useReviewerName(): [string, (name: string) => void] {
  const [name, setName] = useState(() => localChoiceStore()?.get(KEY) ?? "");
  const remember = (next: string) => {
    setName(next);
    try {
      localChoiceStore()?.set(KEY, next.trim());
    } catch {
      // storage full or refused: the name still serves this session
    }
  };
  return [name, remember];
}
