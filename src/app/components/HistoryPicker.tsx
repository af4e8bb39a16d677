import { Button, makeStyles, Text } from "@fluentui/react-components";
import { useRef } from "react";
import type { CheckReport } from "../../core/check";
import { fromEarlierFile } from "../../core/history/baselines";
import { setAsideMessage } from "../../core/history/describe";
import { formatMessage } from "../../core/messages";
import { useLang } from "../i18n";

// Last year's (and earlier years') reports of the same unit, for the browser mode and the task pane: picked here,
// checked on their own, then the workbook is checked again with them. What could not be used, and why, is said below.

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: "4px", margin: "8px 0" },
  // visually hidden, still read by screen readers and reachable from its label
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

export interface HistoryPickerProps {
  busy: boolean;
  report: CheckReport | null;
  /** Files that could not be read at all, with why. */
  failed: readonly { name: string; reason: string }[];
  onPick: (files: File[]) => void;
}

export function HistoryPicker({ busy, report, failed, onPick }: HistoryPickerProps) {
  const styles = useStyles();
  const { t, lang } = useLang();
  const inputRef = useRef<HTMLInputElement>(null);
  const used = report?.history?.used.filter((u) => fromEarlierFile(u.kind)) ?? [];
  return (
    <section className={styles.box} aria-label={t("history.pick.label")} data-testid="history-picker">
      <label htmlFor="history-input" className={styles.hidden}>
        {t("history.pick.input")}
      </label>
      <input
        id="history-input"
        ref={inputRef}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className={styles.hidden}
        tabIndex={-1}
        multiple
        onChange={(e) => {
          const files = e.target.files ? Array.from(e.target.files) : [];
          if (files.length > 0) onPick(files);
          e.target.value = "";
        }}
      />
      <div>
        <Button size="small" disabled={busy} onClick={() => inputRef.current?.click()}>
          {t("history.pick.button")}
        </Button>
      </div>
      {used.length > 0 && <Text size={200}>{t("history.pick.used", { files: used.map((u) => `${u.source} (${u.year})`).join(", ") })}</Text>}
      {report?.history?.setAside.map((a, i) => (
        <Text key={`aside-${i}`} size={200} data-testid="history-set-aside">
          {formatMessage(setAsideMessage(a, a.source), lang)}
        </Text>
      ))}
      {failed.map((f, i) => (
        <Text key={`failed-${i}`} size={200} data-testid="history-failed">
          {t("history.pick.failed", { file: f.name, reason: f.reason })}
        </Text>
      ))}
    </section>
  );
}
