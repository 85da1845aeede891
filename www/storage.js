// The page's own values in localStorage (the open post, the interface language, and after a trap
// the text typed since: drafts.js's rescue slot), read and written so that storage can never stop
// the page: a value that is not valid JSON reads as missing, and a write that fails (quota full,
// storage switched off) is skipped and reported to the caller, who may say so. Drafts are the
// Preview's (src/page/drafts.rs), which reports its own failures.

/** The value stored under `key`, or `fallback` when it is missing, corrupt or unreadable. */
export function readJSON(key, fallback = null) {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? fallback : JSON.parse(raw);
  } catch {
    return fallback;
  }
}

/** The string stored under `key`, or `fallback`. */
export function readString(key, fallback = null) {
  try {
    return localStorage.getItem(key) ?? fallback;
  } catch {
    return fallback;
  }
}

/** Stores `value` (a string as is, anything else as JSON); returns the error if it failed. */
export function write(key, value) {
  try {
    localStorage.setItem(key, typeof value === 'string' ? value : JSON.stringify(value));
    return null;
  } catch (error) {
    return error;
  }
}

/** Removes `key`; storage switched off leaves nothing to remove. */
export function remove(key) {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to remove.
  }
}
