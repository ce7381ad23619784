/** Types for check.js (CommonJS), so TypeScript tests can import it. */
export interface ManifestCheckOptions {
  /** Local folder served at the add-in's origin; null skips the icon file checks. */
  readonly siteRoot?: string | null;
  readonly readFile?: (file: string) => Buffer;
  readonly requiredSets?: Readonly<Record<string, string>>;
}

export interface ManifestCheckResult {
  readonly errors: string[];
  readonly warnings: string[];
  /** The add-in's origin (from DefaultSettings/SourceLocation), or null when it cannot be read. */
  readonly origin: string | null;
}

export function checkManifestXml(xml: string, options?: ManifestCheckOptions): ManifestCheckResult;
export function checkManifestFile(file: string, options?: ManifestCheckOptions): ManifestCheckResult;
export function pngSize(bytes: Buffer): { width: number; height: number } | null;
export function compareVersions(a: string, b: string): number;
export const REQUIRED_SETS: Readonly<Record<string, string>>;
export const REQUIRED_PERMISSION: string;
