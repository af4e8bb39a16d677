import { Button, makeStyles, Text } from "@fluentui/react-components";
import { useRef, useState, type DragEvent } from "react";
import { filesFromDrop, type NamedFile } from "../consolidate-run";
import { useLang } from "../i18n";
import { useDropZoneStyles } from "./drop-zone-styles";

// Where the consolidator hands over the units' workbooks, in the browser mode and in the task pane: a drop zone (files
// or folders) with "pick the files" and, where the page can offer it, "pick a folder".

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center", justifyContent: "center" },
});

export interface UnitFilesDropProps {
  /** The id of the files input (its label points at it); the folder input's is `${inputId}-folder`. */
  inputId: string;
  testId: string;
  busy: boolean;
  /** Also offer a folder picker (the browser mode; an Office task pane's webview may not support it). */
  folder?: boolean;
  onFiles: (files: NamedFile[]) => void;
}

export function UnitFilesDrop({ inputId, testId, busy, folder = false, onFiles }: UnitFilesDropProps) {
  const styles = { ...useDropZoneStyles(), ...useStyles() };
  const { t } = useLang();
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const fromInput = (list: FileList | null) => {
    // a folder's files carry their path inside it
    if (list) onFiles([...list].map((f) => ({ name: f.webkitRelativePath || f.name, blob: f })));
  };
  const onDrop = async (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const { items, files } = e.dataTransfer;
    onFiles(await filesFromDrop(items, files));
  };

  return (
    <div
      className={`${styles.drop} ${dragging ? styles.dragging : ""}`}
      data-testid={testId}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => void onDrop(e)}
    >
      <Text>{t("consolidate.drop")}</Text>
      <label htmlFor={inputId} className={styles.hidden}>
        {t("consolidate.pickFiles")}
      </label>
      <input id={inputId} ref={filesRef} type="file" multiple accept=".xlsx,.xlsm" className={styles.hidden} tabIndex={-1} onChange={(e) => fromInput(e.target.files)} />
      {folder && (
        <>
          <label htmlFor={`${inputId}-folder`} className={styles.hidden}>
            {t("consolidate.pickFolder")}
          </label>
          <input
            id={`${inputId}-folder`}
            ref={folderRef}
            type="file"
            multiple
            className={styles.hidden}
            tabIndex={-1}
            onChange={(e) => fromInput(e.target.files)}
            {...({ webkitdirectory: "" } as Record<string, string>)}
          />
        </>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => filesRef.current?.click()}>
          {t("consolidate.pickFiles")}
        </Button>
        {folder && (
          <Button disabled={busy} onClick={() => folderRef.current?.click()}>
            {t("consolidate.pickFolder")}
          </Button>
        )}
      </div>
    </div>
  );
}
