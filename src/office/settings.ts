/**
 * Office's document settings, where earlier versions kept the add-in's settings: now only read as a fallback and
 * cleared key by key (settingsStore.ts). Failures are surfaced, never swallowed.
 */

/** The stored value, or undefined when the key has none. */
export function readSetting(settings: Office.Settings, key: string): unknown {
  const value: unknown = settings.get(key);
  return value === null ? undefined : value;
}

export function saveSettings(settings: Office.Settings): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (String(result.status) === "succeeded") resolve();
      else reject(new Error(`Could not save the add-in's settings in the workbook: ${result.error?.message ?? "Excel gave no reason"}. Try again.`, { cause: result.error }));
    });
  });
}
