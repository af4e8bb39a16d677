import { ExcelApp, type ExcelAppProps } from "../app/screens/ExcelApp";
import { OutsideExcel } from "../app/screens/OutsideExcel";

// The pane's top level: the Excel app when Office gave us Excel, else the "outside Excel" notice.

export type TaskPaneProps = ({ inExcel: true } & ExcelAppProps) | { inExcel: false };

export function TaskPane(props: TaskPaneProps) {
  if (!props.inExcel) return <OutsideExcel />;
  return <ExcelApp {...props} />;
}
