/**
 * A minimal stand-in for Excel's CustomFunctions runtime, which only exists
 * inside Excel. Importing this module installs it on globalThis; the
 * functions under test then build their errors with it, as they would in Excel.
 */
import type { CustomFunctionsRuntime, FunctionError } from "../../src/functions/args";

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class StubCustomFunctionsError implements FunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** id → function, for every CustomFunctions.associate call made. */
export const associations = new Map<string, unknown>();

export const stubRuntime: CustomFunctionsRuntime = {
  Error: StubCustomFunctionsError,
  ErrorCode,
  associate(id, fn) {
    associations.set(id, fn);
  },
};

type GlobalWithRuntime = { CustomFunctions?: CustomFunctionsRuntime };

export function installCustomFunctionsStub(): void {
  (globalThis as GlobalWithRuntime).CustomFunctions = stubRuntime;
}

export function removeCustomFunctionsStub(): void {
  delete (globalThis as GlobalWithRuntime).CustomFunctions;
}

installCustomFunctionsStub();
