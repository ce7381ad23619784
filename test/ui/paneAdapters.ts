/** What the entry points give the pane besides the gateway, as tests give it: validation in line, files through exceljs. */
import { validateInline } from "../../src/app/validateInline";
import { openWorkbookBytes } from "../../src/files/openLazily";

export const paneAdapters = { validate: validateInline, openFile: openWorkbookBytes } as const;
