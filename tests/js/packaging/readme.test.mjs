// The package's README as a consumer reads it: every JavaScript example runs against the
// installed package, and every line written `expression; // value` (the value JSON, optionally
// followed by ` — ` and words) must give that value.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { createConsumer } from '../lib/consumer.mjs';

const run = promisify(execFile);

let consumer;

before(() => {
  consumer = createConsumer();
});

after(() => consumer?.remove());

/** The JSON value a comment starts with, or undefined when it is words only. */
function commentValue(comment) {
  for (const candidate of [comment, comment.split(' — ')[0]]) {
    try {
      return { value: JSON.parse(candidate) };
    } catch {
      // not JSON: try the part before the dash, then give up
    }
  }
  return undefined;
}

/** The example as a module that records each `expression; // value` line's result. */
function checkedModule(code) {
  let checks = 0;
  const lines = code.split('\n').map((line, index) => {
    const match = /^(\S.*?);\s+\/\/ (.*)$/.exec(line);
    const expected = match && commentValue(match[2]);
    if (!expected) return line;
    checks += 1;
    return `__expect(${match[1]}, ${JSON.stringify(expected.value)}, ${index + 1});`;
  });
  const prelude = [
    "import { isDeepStrictEqual } from 'node:util';",
    'const __misses = [];',
    'const __expect = (actual, expected, line) => {',
    '  if (!isDeepStrictEqual(actual, expected)) __misses.push({ line, actual, expected });',
    '};',
    "process.on('beforeExit', () => console.log(JSON.stringify(__misses)));",
  ];
  const imports = lines.filter((line) => line.startsWith('import '));
  const body = lines.filter((line) => !line.startsWith('import '));
  return { source: [...imports, ...prelude, ...body].join('\n'), checks };
}

test("every JavaScript example of the package's README should run and give the values its comments show", async () => {
  const readme = readFileSync(join(consumer.dir, 'node_modules/postview/README.md'), 'utf8');
  const examples = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.ok(examples.length >= 4, 'the README should have its examples');
  let checked = 0;
  for (const [index, code] of examples.entries()) {
    if (!/from "postview"/.test(code) || /element\.|document\./.test(code)) continue;
    const { source, checks } = checkedModule(code);
    const file = join(consumer.dir, `readme-example-${index}.mjs`);
    writeFileSync(file, source);
    const { stdout } = await run(process.execPath, [file], { cwd: consumer.dir });
    assert.deepEqual(JSON.parse(stdout), [], `example ${index + 1} should show what it gives:\n${code}`);
    checked += checks;
  }
  assert.ok(checked >= 15, `the examples should state their values (${checked} lines checked)`);
});
