/** The workbench grid's look, shared by the grid (SheetGrid) and its rows (GridRow). */
import { makeStyles, tokens } from "@fluentui/react-components";
import { MARK_STYLES } from "../../app/marks";

const HEADER_HEIGHT = "28px";
const ROW_HEADER_WIDTH = "48px";

export const useGridStyles = makeStyles({
  // The grid scrolls inside its own box, both ways; the page around it never does. Positioned, so that it holds (and
  // clips) the cells' visually hidden words too: they are absolutely placed, and would otherwise stretch the page.
  scroller: {
    position: "relative",
    flexGrow: 1,
    minHeight: 0,
    minWidth: 0,
    overflow: "auto",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  table: { borderCollapse: "separate", borderSpacing: 0, fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  corner: { position: "sticky", top: 0, left: 0, zIndex: 3, backgroundColor: tokens.colorNeutralBackground3, minWidth: ROW_HEADER_WIDTH },
  columnHeader: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    height: HEADER_HEIGHT,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    minWidth: ROW_HEADER_WIDTH,
    textAlign: "right",
    paddingRight: tokens.spacingHorizontalXS,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    maxWidth: "16rem",
    minWidth: "4rem",
    height: "22px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    // Keeps a cell scrolled into view clear of the sticky headers.
    scrollMarginTop: HEADER_HEIGHT,
    scrollMarginLeft: ROW_HEADER_WIDTH,
    cursor: "cell",
    ":focus": { outline: "none" },
  },
  // The fills Excel shows for the add-in's marks; dark text on them in either theme.
  error: { backgroundColor: MARK_STYLES.error.fill, color: "#000000" },
  warning: { backgroundColor: MARK_STYLES.warning.fill, color: "#000000" },
  changed: { backgroundColor: MARK_STYLES.changed.fill, color: "#000000" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  // The active cell while the grid has focus: a thicker ring, as Excel's active cell.
  active: { ":focus-visible": { outline: `3px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-3px" } },
  // A formula the workbench does not compute: shown as the formula, set apart from values.
  formula: { fontFamily: tokens.fontFamilyMonospace, fontStyle: "italic", color: tokens.colorNeutralForeground2 },
  editor: { width: "100%", minWidth: "10rem" },
  visuallyHidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});
