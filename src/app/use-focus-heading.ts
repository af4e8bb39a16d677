import { useEffect } from "react";

/**
 * Moves focus to a results heading (which needs tabIndex -1) when `shown` changes to a new value, so keyboard and
 * screen-reader users land on what they asked for rather than on the page body.
 */
export function useFocusHeading(id: string, shown: unknown): void {
  useEffect(() => {
    if (shown) document.getElementById(id)?.focus();
  }, [id, shown]);
}
