// Where ../shared is (the team's real site, its posts and what Jekyll made of them) for the
// tests that compare with it, and what happens when it is not there. The rule of every layer
// (tests/common/shared.rs says the same for the Rust tests): without it those tests are skipped,
// each saying why and how to run it; with CI=true they are required, and a missing folder fails
// the run. POSTVIEW_SHARED points elsewhere; POSTVIEW_SKIP_CORPUS=1 skips them even in CI.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED = process.env.POSTVIEW_SHARED ?? fileURLToPath(new URL('../../../../shared', import.meta.url));

const HOW = 'put the shared folder beside the repository (../shared) or point POSTVIEW_SHARED at it';

/**
 * `false` when `sub` (a path under the shared folder) is there: the test runs. Otherwise the
 * reason node:test prints for the skip; with CI=true (and no POSTVIEW_SKIP_CORPUS) it throws.
 */
export function sharedSkip(sub) {
  const path = join(SHARED, sub);
  if (existsSync(path)) return false;
  if (process.env.CI === 'true' && !process.env.POSTVIEW_SKIP_CORPUS) {
    throw new Error(`${path} is not there, and CI=true requires it: ${HOW} (POSTVIEW_SKIP_CORPUS=1 skips these tests)`);
  }
  return `${path} is not there (the team's real site), so nothing was compared; to run it, ${HOW}`;
}
