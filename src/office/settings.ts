/** Document settings (stored in the workbook) as promises; failures are surfaced, never swallowed. */

/** The stored value, or undefined when the key has none. */
export function readSetting(settings: Office.Settings, key: string): unknown {
  const value: unknown = settings.get(key);
  return value === null ? undefined : value;
}

/** Stores the value (undefined or null removes the key) and saves the settings into the document. */
export function writeSetting(settings: Office.Settings, key: string, value: unknown): Promise<void> {
  if (value === undefined || value === null) settings.remove(key);
  else settings.set(key, value);
  return saveSettings(settings);
}

export function saveSettings(settings: Office.Settings): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (String(result.status) === "succeeded") resolve();
      else reject(new Error(`Could not save the add-in's settings in the workbook: ${result.error?.message ?? "Excel gave no reason"}. Try again.`, { cause: result.error }));
    });
  });
}
