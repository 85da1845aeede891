// The size report: what users download. The .wasm and the JS of the npm package (pkg/: its body
// module, and the site module in pkg/site/) and of the page (www/pkg/ and www/pkg/site/, built with
// the page feature too), the page's editor, raw and `gzip -9` (the real gzip, as the targets are
// stated), and markdown-wasm's module for scale. Then where each npm module's bytes go: its
// sections, and its code by part, read from the module before wasm-opt (which still has a name
// section; wasm-opt shrinks the code by about a quarter, the shares stay close). docs/weight.md.
//
//   node tests/bench/size.mjs      (after `bash .ci/build`; `.ci/bench` runs both)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/corpus.mjs';
import { saveResults, table } from './lib/stats.mjs';

const gzip9 = (file) => execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 1 << 26 }).length;

const FILES = [
  ['pkg/postview_bg.wasm', 'npm package: the body module'],
  ['pkg/site/postview_bg.wasm', 'npm package: the site module'],
  ['pkg/postview.js', 'npm package: wasm-bindgen glue'],
  ['pkg/index.js', 'npm package: browser entry'],
  ['pkg/node.js', 'npm package: Node entry'],
  ['pkg/modules.js', 'npm package: the two modules behind the API'],
  ['pkg/render.js', 'npm package: renderPost wrapper'],
  ['pkg/rendered.js', 'npm package: unpacks a rendered post'],
  ['www/pkg/postview_bg.wasm', 'page: the body module'],
  ['www/pkg/postview.js', 'page: wasm-bindgen glue'],
  ['www/pkg/site/postview_bg.wasm', 'page: the site module'],
  ['target/postview-web/postview_bg.wasm', 'the body module before wasm-opt'],
  ['target/postview-site/postview_bg.wasm', 'the site module before wasm-opt'],
  ['tests/js/node_modules/markdown-wasm/dist/markdown.wasm', 'markdown-wasm 1.2.0, for scale'],
];

// --- reading a wasm module: its sections, and each function body's size with its name ----------
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

const SECTION = { 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global', 7: 'export', 9: 'elem', 10: 'code', 11: 'data', 12: 'datacount' };

function readModule(bytes) {
  const sections = [];
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  for (let at = 8; at < bytes.length; ) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    let name = SECTION[id] ?? `id ${id}`;
    if (id === 0) {
      const [len, s] = leb(bytes, start);
      name = `custom "${new TextDecoder().decode(bytes.subarray(s, s + len))}"`;
      if (name === 'custom "name"') readNames(bytes, s + len, start + size, names);
    } else if (id === 2) {
      let [count, p] = leb(bytes, start);
      for (let i = 0; i < count; i++) {
        for (let k = 0; k < 2; k++) { // module and field names
          const [len, q] = leb(bytes, p);
          p = q + len;
        }
        const kind = bytes[p++];
        if (kind === 0) { importedFunctions++; [, p] = leb(bytes, p); }
        else if (kind === 1) { p += 1; const flags = bytes[p++]; [, p] = leb(bytes, p); if (flags & 1) [, p] = leb(bytes, p); }
        else if (kind === 2) { const flags = bytes[p++]; [, p] = leb(bytes, p); if (flags & 1) [, p] = leb(bytes, p); }
        else if (kind === 3) p += 2;
        else if (kind === 4) { p += 1; [, p] = leb(bytes, p); }
      }
    } else if (id === 10) {
      let [count, p] = leb(bytes, start);
      for (let i = 0; i < count; i++) {
        const [len, q] = leb(bytes, p);
        bodies.push(q - p + len);
        p = q + len;
      }
    }
    sections.push({ name, bytes: start + size - at });
    at = start + size;
  }
  return { sections, functions: bodies.map((size, i) => ({ size, name: names.get(importedFunctions + i) ?? '?' })) };
}

function readNames(bytes, at, end, names) {
  while (at < end) {
    const kind = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    if (kind === 1) {
      let [count, p] = leb(bytes, start);
      for (let i = 0; i < count; i++) {
        const [index, q] = leb(bytes, p);
        const [len, r] = leb(bytes, q);
        names.set(index, new TextDecoder().decode(bytes.subarray(r, r + len)));
        p = r + len;
      }
    }
    at = start + size;
  }
}

// A function's part, from its (demangled) name: the first that names one. The site module's
// parts first, then the lexers, then the body's.
const GROUPS = [
  ['postview::site (Site, layouts, checkSite)', /postview::(site|wasm::site|wasm::check)\b/],
  ['postview::translations', /postview::(translations|wasm::translations)\b/],
  ['postview::forestry', /postview::forestry\b/],
  ['postview::folder', /postview::folder\b/],
  ['postview::page (the page feature)', /postview::page/],
  ['lexers (markdown::highlight::lexers)', /postview::markdown::highlight::lexers/],
  ['postview::markdown', /postview::markdown/],
  ['postview::liquid', /postview::liquid/],
  ['postview (other modules)', /postview/],
  ['pulldown_cmark + unicase', /pulldown_cmark|unicase/],
  ['serde_yaml + unsafe_libyaml + ryu', /serde_yaml|unsafe_libyaml|ryu::/],
  ['wasm-bindgen, js-sys, serde-wasm-bindgen', /wasm_bindgen|js_sys|serde_wasm_bindgen|web_sys|gloo/],
  ['serde', /serde/],
  ['std formatting and panics (core::fmt, panicking)', /core(\[[0-9a-f]+\])?::(fmt|panicking)|core::result::unwrap_failed|core::option::expect_failed/],
  ['core, alloc, std, hashbrown, the allocator (talc)', /\b(core|alloc|std|hashbrown|memchr|dlmalloc|talc)(\[[0-9a-f]+\])?::|^<(str|char|bool|[iuf](8|16|32|64|128|size))>::|memcpy|memmove|memset|memcmp|__rust|__rdl|__mul|__div|__udiv/],
];

function byGroup(functions) {
  const sums = new Map(GROUPS.map(([g]) => [g, 0]));
  sums.set('other', 0);
  for (const f of functions) {
    const group = GROUPS.find(([, re]) => re.test(f.name))?.[0] ?? 'other';
    sums.set(group, sums.get(group) + f.size);
  }
  return [...sums].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
}

/** The editor's bundle: what the first paint needs, the search loaded on a focus, their shared chunk. */
function editorFiles() {
  const dir = join(ROOT, 'www/vendor');
  if (!existsSync(dir)) return [];
  const what = { 'codemirror.js': 'page: the editor at first paint', 'search.js': 'page: the editor\'s search, on its first focus' };
  return readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((f) => [`www/vendor/${f}`, what[f] ?? 'page: the editor\'s shared chunk, at first paint']);
}

function main() {
  const files = [];
  for (const [path, what] of [...FILES, ...editorFiles()]) {
    const file = join(ROOT, path);
    if (!existsSync(file)) {
      files.push({ path, what, missing: true });
      continue;
    }
    files.push({ path, what, bytes: statSync(file).size, gzip9: gzip9(file) });
  }
  console.log('sizes, bytes (gzip: gzip -9):');
  console.log(table([['file', 'what', 'raw', 'gzip -9'], ...files.map((f) => [f.path, f.what, f.missing ? 'missing' : f.bytes, f.missing ? '' : f.gzip9])]));

  const results = { files, modules: {} };
  for (const [which, path] of [['body', 'target/postview-web/postview_bg.wasm'], ['site', 'target/postview-site/postview_bg.wasm']]) {
    const named = join(ROOT, path);
    if (!existsSync(named)) continue;
    const module = readModule(readFileSync(named));
    const code = module.functions.reduce((n, f) => n + f.size, 0);
    console.log(`\nthe npm ${which} module before wasm-opt, by section:`);
    console.log(table([['section', 'bytes'], ...module.sections.map((s) => [s.name, s.bytes])]));
    console.log(`\nits code (${code} bytes, ${module.functions.length} functions) by part:`);
    const groups = byGroup(module.functions);
    console.log(table([['part', 'bytes', 'share'], ...groups.map(([g, v]) => [g, v, `${((100 * v) / code).toFixed(1)}%`])]));
    const largest = [...module.functions].sort((a, b) => b.size - a.size).slice(0, 12);
    console.log('\nthe largest functions:');
    console.log(table([['function', 'bytes'], ...largest.map((f) => [f.name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 100), f.size])]));
    results.modules[which] = { sections: module.sections, code_by_part: Object.fromEntries(groups), largest_functions: largest };
  }
  console.log(`results: ${saveResults('size', results)}`);
}

main();
