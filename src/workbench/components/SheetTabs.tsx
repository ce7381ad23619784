/** The workbook's sheets as tabs under the grid, as in Excel; hidden sheets (e.g. Lists) are shown and say so. */
import { Tab, TabList } from "@fluentui/react-components";
import type { SheetInfo } from "../../app/gateway";

export interface SheetTabsProps {
  readonly sheets: readonly SheetInfo[];
  readonly active: string | null;
  readonly onShow: (sheet: string) => void;
}

export function SheetTabs({ sheets, active, onShow }: SheetTabsProps) {
  return (
    <TabList size="small" selectedValue={active ?? ""} onTabSelect={(_, data) => onShow(String(data.value))} aria-label="Sheets">
      {sheets.map((sheet) => (
        <Tab key={sheet.name} value={sheet.name}>{sheet.visible ? sheet.name : `${sheet.name} (hidden)`}</Tab>
      ))}
    </TabList>
  );
}
