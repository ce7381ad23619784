/**
 * The workbook the workbench has open: opening a file, an example or a blank workbook, and saving it.
 * Each open makes a new gateway, so the task pane (keyed by `generation`) starts afresh on it.
 * A save that would not keep parts of the opened file (its formulas, charts, …) is asked about first.
 */
import { useState } from "react";
import { useOperation, type Operation } from "../../ui/hooks/useOperation";
import { downloadBytes, saveName } from "../download";
import { EXAMPLE_URLS } from "../exampleUrls";
import type { ExampleId } from "../exampleIds";
import { loadSession, type SessionModule, type WorkbenchGateway } from "../loadSession";

export interface OpenWorkbook {
  readonly gateway: WorkbenchGateway;
  /** The opened file's name; null for a new blank workbook. */
  readonly fileName: string | null;
  /** Counts opens, so that a reopened file still gives a fresh task pane. */
  readonly generation: number;
}

export interface WorkbookState {
  readonly workbook: OpenWorkbook | null;
  readonly opening: Operation<[what: OpenRequest], void>;
  /** Writes the workbook as .xlsx and downloads it, without asking. */
  readonly saving: Operation<[], void>;
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

  const opening = useOperation(async (request: OpenRequest) => {
    const opened = await openRequested(await loadSession(), request);
    setConfirmingSave(null);
    setWorkbook((previous) => ({ ...opened, generation: (previous?.generation ?? 0) + 1 }));
  });

  const saving = useOperation(async () => {
    if (!workbook) throw new Error("There is no workbook to save: open one first.");
    downloadBytes(await workbook.gateway.toBuffer(), saveName(workbook.fileName));
  });

  // Asked at every save, as Excel asks at every save to a format that keeps less.
  function save(): void {
    const lost = workbook?.gateway.lostOnSave() ?? [];
    if (lost.length > 0) setConfirmingSave(lost);
    else void saving.run();
  }

  function confirmSave(): void {
    setConfirmingSave(null);
    void saving.run();
  }

  return { workbook, opening, saving, save, confirmingSave, confirmSave, cancelSave: () => setConfirmingSave(null) };
}
