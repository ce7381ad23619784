/**
 * The workbook's sheets as tabs under the grid, as in Excel; hidden sheets (e.g. Lists) are shown and say so. The tabs
 * sit on one line that scrolls sideways when they do not fit (the page itself never does): the mouse wheel scrolls it,
 * and the sheet on screen is scrolled into view.
 */
import { useEffect, useRef, type WheelEvent } from "react";
import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetInfo } from "../../app/gateway";

const useStyles = makeStyles({
  strip: {
    flexWrap: "nowrap",
    flexShrink: 0,
    minWidth: 0,
    overflowX: "auto",
    overflowY: "hidden",
    // Room for the focus ring, which the scrolling box would otherwise cut.
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXXS}`,
    scrollbarWidth: "thin",
  },
  tab: { flexShrink: 0, whiteSpace: "nowrap" },
});

export interface SheetTabsProps {
  readonly sheets: readonly SheetInfo[];
  readonly active: string | null;
  readonly onShow: (sheet: string) => void;
}

/** A vertical wheel over the strip scrolls it sideways (it has nothing to scroll up and down). */
function wheelSideways(event: WheelEvent<HTMLDivElement>): void {
  if (event.deltaX === 0 && event.deltaY !== 0) event.currentTarget.scrollLeft += event.deltaY;
}

export function SheetTabs({ sheets, active, onShow }: SheetTabsProps) {
  const styles = useStyles();
  const strip = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const tab = strip.current?.querySelector('[role="tab"][aria-selected="true"]');
    tab?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [active, sheets]);

  return (
    <TabList ref={strip} size="small" className={styles.strip} selectedValue={active ?? ""} onTabSelect={(_, data) => onShow(String(data.value))} onWheel={wheelSideways} aria-label="Sheets" data-testid="sheet-tabs">
      {sheets.map((sheet) => (
        <Tab key={sheet.name} value={sheet.name} className={styles.tab}>{sheet.visible ? sheet.name : `${sheet.name} (hidden)`}</Tab>
      ))}
    </TabList>
  );
}
