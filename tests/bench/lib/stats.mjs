// Small statistics and reporting helpers shared by the JavaScript benchmarks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './corpus.mjs';

/** `{ median, min, max, p95, n }` of a list of numbers (p95 by nearest rank). */
export function summary(values) {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  const median = n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  return { median, min: v[0], max: v[n - 1], p95: v[Math.ceil(0.95 * n) - 1], n };
}

/** Where each benchmark leaves its results for the combined report (`.ci/bench`). */
export const RESULTS_DIR = process.env.POSTVIEW_BENCH_DIR ?? join(ROOT, 'target/bench');

/** Writes `results` as JSON to target/bench/NAME.json, with the machine's load at the start. */
export function saveResults(name, results) {
  const file = join(RESULTS_DIR, `${name}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ bench: name, when: new Date().toISOString(), ...results }, null, 2)}\n`);
  return file;
}

/**
 * The load average when a benchmark starts: on a 2-core machine anything else running (a build, a
 * test run) takes a core away, and the numbers should say so.
 */
export function loadWarning() {
  const load = loadavg()[0];
  return load > 0.5 ? `load average ${load.toFixed(2)} at the start: other processes compete for the CPU` : null;
}

export const env = (name, fallback) => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new Error(`${name}=${value}: not a number`);
  return number;
};

/** Right-aligned table printing: `table([[header…], [cell…], …])`. The first column is left-aligned. */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  '))
    .join('\n');
}
