// localStorage that never throws: private modes, disabled storage and sandboxed iframes (an LMS
// embed) make every access throw a SecurityError. Settings then last until the page is closed.

export function readSetting(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeSetting(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Storage unavailable or full: the setting is kept in memory only.
  }
}
