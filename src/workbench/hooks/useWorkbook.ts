/**
 * The workbook the workbench has open: opening a file, an example or a blank workbook, and saving it.
 * Each open makes a new gateway, so the task pane (keyed by `generation`) starts afresh on it.
 * A save that would not keep parts of the opened file (its formulas, charts, …) is asked about first.
 * Changes since the workbook was opened or last saved (the user's edits in the grid, the task pane's writes) make it
 * unsaved: opening another then asks first (Save, Don't save, Cancel), and so does leaving the page.
 */
import { useCallback, useRef, useState } from "react";
import type { WorkbookGateway } from "../../app/gateway";
import { useOperation, type Operation } from "../../ui/hooks/useOperation";
import { ChangeNotingGateway } from "../changeNotingGateway";
import { downloadBytes, saveName } from "../download";
import { EXAMPLE_URLS } from "../exampleUrls";
import type { ExampleId } from "../exampleIds";
import { loadSession, type SessionModule, type WorkbenchGateway } from "../loadSession";

export interface OpenWorkbook {
  readonly gateway: WorkbenchGateway;
  /** The same workbook for the task pane, noting its changes (ChangeNotingGateway). */
  readonly paneGateway: WorkbookGateway;
  /** The opened file's name; null for a new blank workbook. */
  readonly fileName: string | null;
  /** Counts opens, so that a reopened file still gives a fresh task pane. */
  readonly generation: number;
}

export interface WorkbookState {
  readonly workbook: OpenWorkbook | null;
  /** Opens at once, whatever is unsaved (the page's first open, from its address). */
  readonly opening: Operation<[what: OpenRequest], void>;
  /** Opens as the user asks for it: first asks (replacing) when the open workbook has unsaved changes. */
  readonly open: (request: OpenRequest) => void;
  /** Whether the open workbook changed since it was opened or last saved. */
  readonly unsaved: boolean;
  /** Called after each of the user's edits in the grid. */
  readonly edited: () => void;
  /** While the user is asked about unsaved changes: the open that would replace them; null otherwise. */
  readonly replacing: OpenRequest | null;
  /** Answers to that question: save, then open; open without saving; keep working. */
  readonly saveThenOpen: () => void;
  readonly discardAndOpen: () => void;
  readonly keepWorking: () => void;
  /** Writes the workbook as .xlsx and downloads it, without asking; resolves to true once downloaded. */
  readonly saving: Operation<[], true>;
  /** Save as the toolbar asks for it: first asks (confirmingSave) when the save would not keep parts of the opened file. */
  readonly save: () => void;
  /** While the user is asked: what the save would not keep; null otherwise. */
  readonly confirmingSave: readonly string[] | null;
  readonly confirmSave: () => void;
  readonly cancelSave: () => void;
}

export type OpenRequest =
  | { readonly kind: "file"; readonly file: File }
  | { readonly kind: "example"; readonly example: ExampleId }
  | { readonly kind: "blank" };

/** What an open does, for the unsaved-changes question: "To open trusts.xlsx, …". */
export function openedWhat(request: OpenRequest): string {
  switch (request.kind) {
    case "blank":
      return "start a new blank workbook";
    case "example":
      return `open the example ${request.example}.xlsx`;
    case "file":
      return `open ${request.file.name}`;
  }
}

async function fetchExample(example: ExampleId): Promise<ArrayBuffer> {
  const response = await fetch(EXAMPLE_URLS[example]);
  if (!response.ok) throw new Error(`The example ${example}.xlsx did not load (HTTP ${response.status}).`);
  return response.arrayBuffer();
}

async function openRequested(session: SessionModule, request: OpenRequest): Promise<{ gateway: WorkbenchGateway; fileName: string | null }> {
  switch (request.kind) {
    case "blank":
      return { gateway: session.blankWorkbook(), fileName: null };
    case "example": {
      const fileName = `${request.example}.xlsx`;
      return { gateway: await session.openWorkbook(await fetchExample(request.example), fileName), fileName };
    }
    case "file":
      return { gateway: await session.openWorkbook(await request.file.arrayBuffer(), request.file.name), fileName: request.file.name };
  }
}

export function useWorkbook(): WorkbookState {
  const [workbook, setWorkbook] = useState<OpenWorkbook | null>(null);
  const [confirmingSave, setConfirmingSave] = useState<readonly string[] | null>(null);
  const [unsaved, setUnsaved] = useState(false);
  const [replacing, setReplacing] = useState<OpenRequest | null>(null);
  // The open to make once the save the user chose (Save in the unsaved-changes question) is done.
  const afterSave = useRef<OpenRequest | null>(null);
  // Which open's changes count: a late write of the workbook just replaced must not mark the new one unsaved.
  const current = useRef<object | null>(null);

  const opening = useOperation(async (request: OpenRequest) => {
    const opened = await openRequested(await loadSession(), request);
    const token = {};
    current.current = token;
    const paneGateway = new ChangeNotingGateway(opened.gateway, () => {
      if (current.current === token) setUnsaved(true);
    });
    setConfirmingSave(null);
    setUnsaved(false);
    setWorkbook((previous) => ({ ...opened, paneGateway, generation: (previous?.generation ?? 0) + 1 }));
  });

  const saving = useOperation(async (): Promise<true> => {
    if (!workbook) throw new Error("There is no workbook to save: open one first.");
    // Saved from here: a change made while the file is written makes it unsaved again.
    setUnsaved(false);
    try {
      downloadBytes(await workbook.gateway.toBuffer(), saveName(workbook.fileName));
    } catch (failure: unknown) {
      setUnsaved(true);
      throw failure;
    }
    return true;
  });

  async function saveAndContinue(): Promise<void> {
    const next = afterSave.current;
    afterSave.current = null;
    const saved = await saving.run();
    if (saved === true && next !== null) await opening.run(next);
  }

  // Asked at every save, as Excel asks at every save to a format that keeps less.
  function save(): void {
    const lost = workbook?.gateway.lostOnSave() ?? [];
    if (lost.length > 0) setConfirmingSave(lost);
    else void saveAndContinue();
  }

  function confirmSave(): void {
    setConfirmingSave(null);
    void saveAndContinue();
  }

  function cancelSave(): void {
    setConfirmingSave(null);
    afterSave.current = null;
  }

  function open(request: OpenRequest): void {
    if (workbook !== null && unsaved) setReplacing(request);
    else void opening.run(request);
  }

  function saveThenOpen(): void {
    afterSave.current = replacing;
    setReplacing(null);
    save();
  }

  function discardAndOpen(): void {
    const request = replacing;
    setReplacing(null);
    if (request !== null) void opening.run(request);
  }

  const edited = useCallback(() => setUnsaved(true), []);

  return {
    workbook,
    opening,
    open,
    unsaved,
    edited,
    replacing,
    saveThenOpen,
    discardAndOpen,
    keepWorking: () => setReplacing(null),
    saving,
    save,
    confirmingSave,
    confirmSave,
    cancelSave,
  };
}
