// The translation functions of the npm package as a user installs it: findTranslations on posts
// that share images and links but no file name, the block alignment and the link edits, from
// Node through both entries, and their types under tsc --strict.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createConsumer } from '../lib/consumer.mjs';

const run = promisify(execFile);
const TSC = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));

let consumer;
before(() => {
  consumer = createConsumer();
});
after(() => consumer?.remove());

/** Runs `body` (a module's text, importing from `entry`) in the consumer project; its stdout as JSON. */
async function runInConsumer(body) {
  const file = join(consumer.dir, `run-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, body);
  const { stdout } = await run(process.execPath, [file], { cwd: consumer.dir });
  return JSON.parse(stdout);
}

const POSTS = String.raw`
const post = (title, date, body) => '---\nlayout: post\ntitle: ' + title + '\ndate: ' + date + '\nja: []\nzh-Hans: []\n---\n' + body;
const posts = [
  { path: 'site/_i18n/en/_posts/2021-01-09-ito-loopring.md', source: post('ITO Announcement: Loopring', '2021-01-09', '![](/uploads/ito-banner.png)\n\nSee https://loopring.io/ito for 3,000,000 LRC.\n\n![](/uploads/ito-steps.png)\n') },
  { path: 'site/_i18n/zh-Hans/_posts/2021-01-10-ito.md', source: post('首次 ITO 项目公布：路印 Loopring', '2021-01-10', '![](/uploads/ito-banner.png)\n\n详见 https://loopring.io/ito ，共 3000000 LRC。\n\n![](/uploads/ito-steps.png)\n') },
  { path: 'site/_i18n/en/_posts/2021-03-01-other.md', source: post('Something else', '2021-03-01', 'Nothing shared here.\n') },
  { path: 'site/_i18n/de/_posts/2021-01-11-ito.md', source: post('ITO: Loopring', '2021-01-11', '![](/uploads/ito-banner.png)\n\nSiehe https://loopring.io/ito.\n\n![](/uploads/ito-steps.png)\n') },
];
`;

for (const entry of ['postview', 'postview/sanitize']) {
  test(`findTranslations from "${entry}" should find the family across file names, with a language beyond the site's list`, async () => {
    const { families } = await runInConsumer(`import { findTranslations } from '${entry}';
${POSTS}
console.log(JSON.stringify({ families: findTranslations(posts, { languages: ['en', 'ja', 'zh-Hans'] }) }));`);
    assert.equal(families.length, 1, 'the unrelated post should be in no family');
    const [family] = families;
    assert.deepEqual(
      family.posts.map((p) => [p.lang, p.declared]),
      [['en', false], ['zh-Hans', false], ['de', false]],
      'members should be in the site order, others after, and marked as found',
    );
    assert.match(family.evidence.join('\n'), /loopring\.io\/ito/, 'the evidence should name the shared link');
  });
}

test('translationsOverview should mark the missing and the older members of each family, a lone post too', async () => {
  const { overview } = await runInConsumer(`import { findTranslations, translationsOverview } from 'postview';
${POSTS}
const hour = 3600000;
const dated = posts.map((p) => ({ ...p, modified: p.path.includes('/de/') ? hour : 10 * hour }));
const languages = ['en', 'ja', 'zh-Hans'];
console.log(JSON.stringify({ overview: translationsOverview(dated, findTranslations(posts, { languages }), { languages }) }));`);
  assert.deepEqual(overview.languages, ['en', 'ja', 'zh-Hans', 'de'], 'the columns should be the site languages, then the others');
  assert.equal(overview.rows.length, 2, 'the family and the unrelated post should each be a row');
  const family = overview.rows.find((r) => r.cells.filter((c) => c.path).length === 3);
  assert.deepEqual(
    family.cells.map((c) => c.state),
    ['stale', 'missing', 'present', 'stale'],
    'German edited hours before the others and English, saved with Chinese but dated a day before it, should be stale; Japanese missing',
  );
  assert.match(family.evidence.join('\n'), /loopring\.io\/ito/, 'a found family should carry its evidence');
});

test('planTranslationLinks should change only the key lines, and alignBlocks pair blocks', async () => {
  const { edits, rows, languages, thrown } = await runInConsumer(`import { alignBlocks, findTranslations, planTranslationLinks, siteLanguages } from 'postview';
${POSTS}
const [family] = findTranslations(posts);
const edits = planTranslationLinks(family, posts);
const rows = alignBlocks(['<p>a 2021</p>', '<p><img src="/x.png"></p>'], ['<p><img src="/x.png"></p>']);
let thrown = null;
try { findTranslations('not a list'); } catch (error) { thrown = error instanceof TypeError; }
console.log(JSON.stringify({ edits, rows, languages: siteLanguages('title: t\\nlanguages: ["en", "de"]\\n'), thrown }));`);
  const en = edits.find((e) => e.path.includes('/en/'));
  assert.deepEqual(
    en.changes.map((c) => [c.before, c.after]),
    [
      ['zh-Hans: []', 'zh-Hans: _i18n/zh-Hans/_posts/2021-01-10-ito.md'],
      [null, 'de: _i18n/de/_posts/2021-01-11-ito.md'],
    ],
  );
  assert.match(en.text, /^---\nlayout: post\ntitle: ITO Announcement: Loopring\ndate: 2021-01-09\nja: \[\]\nzh-Hans: _i18n/);
  assert.deepEqual(rows, [{ left: 0, right: null }, { left: 1, right: 0 }]);
  assert.deepEqual(languages, ['en', 'de']);
  assert.equal(thrown, true, 'malformed posts should throw a TypeError');
});

test('the translation types should check under tsc --strict', async () => {
  const args = ['--noEmit', '--strict', '--target', 'es2022', '--lib', 'es2022', '--module', 'nodenext'];
  args.push('--moduleResolution', 'nodenext', 'translations/types.ts');
  const result = await run(process.execPath, [TSC, ...args], { cwd: consumer.dir }).catch((error) => error);
  assert.equal(result.code ?? 0, 0, `tsc should accept translations/types.ts:\n${result.stdout}`);
});
