/** The exceljs WorkbookGateway for the workbench: import it lazily (await import(...)), as it brings exceljs. */
export { XlsxGateway, type CellSelection } from "./xlsxGateway";
export { SETTINGS_SHEET } from "./sheets";
