import { useState } from "react";
import { askContextAfter, toUserError, type UserError } from "./errors";
import type { UiKey, UiParams } from "./i18n";

export interface StatusLine {
  key: UiKey;
  params?: UiParams;
}

/**
 * What every button in the app does around its work: show it is busy, clear the last message, and turn any failure into
 * a message the user reads (asking for level and year when the workbook is not our template). Nothing is left only in
 * the console.
 */
export function useUserAction(onDone?: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserError | null>(null);
  const [status, setStatus] = useState<StatusLine | null>(null);
  const [askContext, setAskContext] = useState(false);

  const run = async (job: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      await job();
      onDone?.();
    } catch (e) {
      const err = toUserError(e);
      console.error(e); // the full error for whoever opens the developer tools; the user sees err
      setError(err);
      setAskContext((asking) => askContextAfter(err, asking));
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, setError, status, setStatus, askContext, setAskContext, run };
}
