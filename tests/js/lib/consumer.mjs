// A throwaway project that installs postview the way a user would: from the tarball `npm pack`
// makes of pkg/ (so only what package.json's `files` lists), not from the build directory.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

function npm(args, cwd) {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/**
 * Packs pkg/, installs the tarball into a new project with the fixtures copied in, and returns
 * `{ dir, packed, remove }`: `packed` is npm's report of the tarball (its `files`).
 */
export function createConsumer() {
  const dir = mkdtempSync(join(tmpdir(), 'postview-consumer-'));
  const [packed] = JSON.parse(npm(['pack', join(ROOT, 'pkg'), '--json', '--pack-destination', dir], dir));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', join(dir, packed.filename)], dir);
  cpSync(FIXTURES, dir, { recursive: true });
  return { dir, packed, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
