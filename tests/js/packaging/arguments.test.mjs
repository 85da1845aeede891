// The user's objects the package's entries take, as a consumer installs the package: a `site`
// option that contains itself, nests 100,000 deep or expands (shared objects) past any size is a
// TypeError that says what is wrong and where, thrown before the module reads it, never the
// "a bug" post of a module that ran out of stack; one within the limits is read as before.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createConsumer } from '../lib/consumer.mjs';

let consumer;
let entries;

before(async () => {
  consumer = createConsumer();
  const from = (entry) => import(join(consumer.dir, 'node_modules/postview', entry));
  entries = { postview: await from('node.js'), 'postview/sanitize': await from('sanitize/node.js') };
});

after(() => consumer?.remove());

/** `{ a: { a: … { leaf: true } } }` with `objects` objects in all. */
function nested(objects) {
  const top = {};
  let inner = top;
  for (let i = 1; i < objects; i += 1) {
    inner.a = {};
    inner = inner.a;
  }
  inner.leaf = true;
  return top;
}

const POST = '---\ntitle: T\n---\n# Head\n\n{{ site.title }}\n';

for (const name of ['postview', 'postview/sanitize']) {
  test(`${name}: a site option with a cycle, 100,000 deep or too big should be a TypeError saying so, and the next call should render`, () => {
    const { renderPost } = entries[name];
    const expected = renderPost(POST, { site: { title: 'Site' } });
    assert.match(expected.html, /<p>Site<\/p>/, 'a site option should reach the Liquid');

    const cyclic = { title: 'x', nav: [{ up: null }] };
    cyclic.nav[0].up = cyclic;
    assert.throws(() => renderPost(POST, { site: cyclic }), {
      name: 'TypeError',
      message: 'renderPost: options.site contains itself at .nav[0].up: a value with a cycle cannot be read as data; pass one without it',
    });
    assert.throws(() => renderPost(POST, { site: nested(100_000) }), {
      name: 'TypeError',
      message: 'renderPost: options.site nests deeper than 64 levels (at .a.a.a.a….a.a.a); pass a shallower one',
    });
    // 2^40 objects once each shared object is read where it appears.
    let shared = { leaf: 1 };
    for (let i = 0; i < 40; i += 1) shared = { left: shared, right: shared };
    assert.throws(() => renderPost(POST, { site: shared }), {
      name: 'TypeError',
      message: 'renderPost: options.site holds more than 250000 values (counting shared objects each time they appear); pass a smaller one',
    });
    assert.deepEqual(renderPost(POST, { site: { title: 'Site' } }), expected, 'the next call should render as before');
  });
}

test('a site option at the depth limit, with shared objects, a Map or a "__proto__" key, should be read as data', () => {
  const { renderPost } = entries.postview;
  const deepest = nested(64);
  assert.doesNotThrow(() => renderPost(POST, { site: deepest }), '64 levels should be allowed');
  assert.throws(() => renderPost(POST, { site: nested(65) }), TypeError, '65 levels should not');

  const menu = { name: 'Menu' };
  const twice = { title: 'Twice', header: menu, footer: menu };
  assert.match(renderPost('{{ site.header.name }} {{ site.footer.name }}', { site: twice }).html, /<p>Menu Menu<\/p>/, 'an object met twice is no cycle');

  const heading = '# Head\n';
  assert.equal(renderPost(heading, { site: { kramdown: { auto_ids: false } } }).html, '<h1>Head</h1>\n', 'kramdown options should be read');
  const asMap = new Map([['kramdown', new Map([['auto_ids', false]])]]);
  assert.equal(renderPost(heading, { site: asMap }).html, '<h1>Head</h1>\n', 'a Map should be read as its entries');
  const proto = JSON.parse('{ "title": "P", "__proto__": { "x": 1 } }');
  assert.match(renderPost('{{ site.title }} {{ site.__proto__.x }}', { site: proto }).html, /<p>P 1<\/p>/, 'a "__proto__" key is a key');
});

test('the module should read a copy of the site option: a getter runs once, and what it returns is what is checked', () => {
  const { renderPost } = entries.postview;
  let reads = 0;
  const site = {
    get title() {
      reads += 1;
      // A value the module would trap on, from the second read on.
      return reads === 1 ? 'Once' : nested(100_000);
    },
  };
  assert.match(renderPost(POST, { site }).html, /<p>Once<\/p>/);
  assert.equal(reads, 1, 'the getter should run once, in the copy');
});

test('the other entries that take objects should read only the strings they expect in them, deep or cyclic objects around them notwithstanding', () => {
  const { Site, checkSite, findTranslations, planTranslationLinks } = entries.postview;
  const cyclic = {};
  cyclic.self = cyclic;
  const deep = nested(100_000);
  const post = { path: '_posts/2021-01-01-a.md', text: '---\ntitle: A\n---\nHi.\n' };
  assert.deepEqual(new Site([{ ...post, deep, cyclic }]).posts(), [post.path]);
  assert.equal(checkSite([{ ...post, deep, cyclic }]).posts, 1);
  assert.deepEqual(findTranslations([{ path: post.path, source: post.text, deep, cyclic }]), []);
  const family = { posts: [{ lang: 'en', path: post.path, deep }], evidence: [], cyclic };
  assert.ok(Array.isArray(planTranslationLinks(family, [])));
  assert.throws(() => checkSite([{ path: deep, text: '' }]), TypeError, 'a path that is not a string should be a TypeError');
  assert.throws(() => new Site([{ path: cyclic, text: '' }]), TypeError);
});

test('the types and the README should state the limits the package applies', async () => {
  const installed = join(consumer.dir, 'node_modules/postview');
  const { MAX_DEPTH, MAX_VALUES } = await import(join(installed, 'arguments.js'));
  const types = readFileSync(join(installed, 'index.d.ts'), 'utf8');
  const readme = readFileSync(join(installed, 'README.md'), 'utf8');
  const values = MAX_VALUES.toLocaleString('en');
  assert.ok(types.includes(`at most ${MAX_DEPTH} levels deep and ${values} values`), 'index.d.ts should give both limits of site');
  assert.ok(readme.includes(`**${MAX_DEPTH} levels**`) && readme.includes(`**${values} values**`), 'the README should give both limits of site');
});
