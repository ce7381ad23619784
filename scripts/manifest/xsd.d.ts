/** Types for xsd.js (CommonJS), so TypeScript tests can import it. */
export type XsdResult = { readonly skipped: string } | { readonly ok: boolean; readonly tool: string; readonly errors: string[] };

export function validateAgainstXsd(manifestPath: string, xsdDir: string): Promise<XsdResult>;
export function withXmllintWasm(manifestPath: string, xsdDir: string): Promise<{ ok: boolean; tool: string; errors: string[] }>;
export function defaultXsdDir(projectRoot: string): string;
export const MAIN_SCHEMA: string;
