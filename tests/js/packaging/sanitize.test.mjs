// "postview/sanitize" as its users get it: packed from pkg/ (run .ci/build first), installed into a
// fresh project, then imported from Node and a plain page. The policy is checked on what
// kramdown writes (kept) and what a post could smuggle (dropped), and on every corpus post: what
// real posts lose should be their embeds and inline styles, never their text.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { SHARED, sharedSkip } from '../lib/shared.mjs';
import { launchChromium, openPage } from '../lib/browser.mjs';
import { createConsumer } from '../lib/consumer.mjs';
import { serve } from '../lib/serve.mjs';

const run = promisify(execFile);
const CORPUS = join(SHARED, 'corpus/posts');

let consumer;
let browser;
let sanitizing; // the installed package's "postview/sanitize" Node entry
let fromNode; // what fixtures/sanitize-consumer.mjs printed

before(async () => {
  consumer = createConsumer();
  browser = await launchChromium();
  sanitizing = await import(pathToFileURL(join(consumer.dir, 'node_modules/postview/sanitize/node.js')).href);
  const { stdout } = await run(process.execPath, ['sanitize-consumer.mjs'], { cwd: consumer.dir });
  fromNode = JSON.parse(stdout);
});

after(async () => {
  await browser?.close();
  consumer?.remove();
});

const html = (source) => sanitizing.renderPost(source).html;

test('Node should import renderPost from "postview/sanitize" through its node entry, sanitizing unless told not to', () => {
  assert.match(fromNode.entry, /\/node_modules\/postview\/sanitize\/node\.js$/);
  assert.deepEqual(
    [...fromNode.exports].sort(),
    [
      'Site', 'alignBlocks', 'checkSite', 'findTranslations', 'planTranslationLinks', 'ready', 'renderPost',
      'renderPostAsync', 'siteLanguages', 'translationsOverview',
    ],
    'the same exports as "postview"',
  );
  for (const key of ['byDefault', 'asked']) {
    assert.match(fromNode[key], /<strong>bold<\/strong>/, key);
    assert.doesNotMatch(fromNode[key], /script|alert/, key);
  }
  assert.match(fromNode.declined, /<script>alert\(1\)<\/script>/, 'sanitize: false should give what Jekyll publishes');
});

test('"postview" should refuse sanitize: true with a TypeError naming "postview/sanitize", and take false', () => {
  assert.equal(fromNode.plainAsked?.isTypeError, true, 'sanitize: true should throw a TypeError from "postview"');
  assert.match(fromNode.plainAsked.message, /import \{ renderPost \} from "postview\/sanitize"/);
  assert.equal(fromNode.plain, fromNode.plainDeclined);
  assert.match(fromNode.plain, /<script>alert\(1\)<\/script>/);
  for (const thrown of fromNode.notBoolean) assert.equal(thrown?.isTypeError, true, 'a sanitize that is not a boolean is malformed');
});

test('a plain page should render sanitized HTML through "postview/sanitize" and an import map', async () => {
  const server = await serve(consumer.dir);
  try {
    const { page, problems } = await openPage(browser, new URL('plain/sanitize.html', server.url).href);
    await page.waitForSelector('#out strong', { timeout: 15_000 });
    assert.equal(await page.textContent('#title'), 'Hello sanitized');
    assert.equal(await page.innerHTML('#out'), '<p>Some <strong>bold</strong> text.<img src="x"></p>\n');
    assert.equal(await page.evaluate(() => window.ran), undefined);
    // The post's image "x" does not exist: its 404 is the only problem.
    assert.deepEqual(problems.filter((p) => !/\/plain\/x$|status of 404/.test(p)), []);
    await page.close();
  } finally {
    await server.close();
  }
});

test('the policy should keep what kramdown writes: heading ids, footnotes, table alignment, code wrappers and rouge token spans, images, abbreviations', () => {
  assert.equal(html('## A heading {#custom}\n\n### 中文 标题\n'), '<h2 id="custom">A heading</h2>\n<h3 id="中文-标题">中文 标题</h3>\n');
  assert.equal(
    html('Text[^1].\n\n[^1]: The note.\n'),
    '<p>Text<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="noopener noreferrer">1</a></sup>.</p>\n' +
      '<div class="footnotes" role="doc-endnotes">\n<ol>\n<li id="fn:1" role="doc-endnote">\n' +
      '<p>The note.&nbsp;<a href="#fnref:1" class="reversefootnote" role="doc-backlink" rel="noopener noreferrer">↩</a></p>\n</li>\n</ol>\n</div>\n',
  );
  const table = html('| a | b | c |\n|:-|:-:|-:|\n| 1 | 2 | 3 |\n|===|\n| f | g | h |\n');
  for (const align of ['left', 'center', 'right']) assert.match(table, new RegExp(`<th style="text-align: ${align}">`));
  assert.match(table, /<tfoot>\n<tr>\n<td style="text-align: left">f<\/td>/);
  assert.equal(
    html('```ruby\nputs 1\n```\n'),
    '<div class="language-ruby highlighter-rouge"><div class="highlight"><pre class="highlight"><code>' +
      '<span class="nb">puts</span> <span class="mi">1</span>\n</code></pre></div></div>\n',
  );
  assert.equal(
    html('![alt text](/uploads/a.png "Title") <img src="https://x.test/b.png" width="602" height="305" alt="b">\n'),
    '<p><img src="/uploads/a.png" alt="alt text" title="Title"> <img src="https://x.test/b.png" width="602" height="305" alt="b"></p>\n',
  );
  assert.equal(html('*[HTML]: Hyper Text\n\nHTML is here.\n'), '<p><abbr title="Hyper Text">HTML</abbr> is here.</p>\n');
  assert.equal(html('Text\n{: .note #para}\n'), '<p class="note" id="para">Text</p>\n');
});

test('the policy should drop what runs, frames or embeds with its content, keep the text of forms and unknown tags, and styles only as table alignment', () => {
  assert.equal(html('<script>alert(1)</script>\n\n<style>p{}</style>\n\n<iframe src="https://www.youtube.com/embed/x">fallback</iframe>\n').trim(), '');
  assert.equal(html('<object data="x.swf">no flash</object><embed src="y"><template><b>t</b></template><noscript>n</noscript>\n').trim(), '');
  assert.equal(html('<form action="/x"><input name=q><button>Go</button></form>\n\n<radical markets>text</radical>\n'), 'Go\ntext\n');
  assert.equal(html('<p style="color:red" class="note" onclick="x()">styled</p>\n'), '<p class="note">styled</p>\n');
  assert.equal(
    html('<table><tr><td style="text-align:right; background:url(x)">a</td><td style="TEXT-ALIGN : Left">b</td></tr></table>\n'),
    '<table><tbody><tr><td>a</td><td style="text-align: left">b</td></tr></tbody></table>\n',
  );
  // An image's id would shadow document's own properties (document.cookie): DOM clobbering.
  assert.equal(html('<img src="a.png" id="cookie" alt="a">\n'), '<p><img src="a.png" alt="a"></p>\n');
  assert.equal(html('<!-- a comment -->\n\nText\n'), '\n<p>Text</p>\n');
});

test('links should keep web, mail, relative and fragment URLs and get rel="noopener noreferrer"; script and data URLs should go, but data:image/… in an image', () => {
  assert.equal(
    html('A [link](https://example.com "T"), [mail](mailto:a@b.c), [rel](../x), [frag](#x), <a href="/y" target="_blank">t</a>\n'),
    '<p>A <a href="https://example.com" title="T" rel="noopener noreferrer">link</a>, <a href="mailto:a@b.c" rel="noopener noreferrer">mail</a>, ' +
      '<a href="../x" rel="noopener noreferrer">rel</a>, <a href="#x" rel="noopener noreferrer">frag</a>, <a href="/y" rel="noopener noreferrer">t</a></p>\n',
  );
  assert.equal(
    html('[js](javascript:alert(1)) [tab](java&#9;script:x) [vb](vbscript:x) [data](data:text/html,x)\n'),
    '<p><a rel="noopener noreferrer">js</a> <a rel="noopener noreferrer">tab</a> <a rel="noopener noreferrer">vb</a> <a rel="noopener noreferrer">data</a></p>\n',
  );
  assert.equal(
    html('![png](data:image/png;base64,iVBO) ![html](data:text/html,x) ![js](javascript:x) <img src=" DATA:image/gif;base64,R0lG">\n'),
    '<p><img src="data:image/png;base64,iVBO" alt="png"> <img alt="html"> <img alt="js"> <img src=" DATA:image/gif;base64,R0lG"></p>\n',
  );
});

test('the other fields should be as without sanitizing, but image only if an img may load it, and no blockLines', () => {
  const source = '---\ntitle: <b>T</b>\nimage: "{{ site.baseurl_root }}/uploads/x.png"\n---\n# H\n\npara\n';
  const sanitized = sanitizing.renderPost(source, { site: { baseurl_root: '/news' } });
  const raw = sanitizing.renderPost(source, { site: { baseurl_root: '/news' }, sanitize: false });
  assert.deepEqual({ ...sanitized, html: raw.html, blockLines: raw.blockLines }, raw);
  assert.equal(sanitized.title, '<b>T</b>', 'the title is text: sanitizing is for html, and the caller escapes text');
  assert.equal(sanitized.image, '/news/uploads/x.png');
  assert.deepEqual(sanitized.blockLines, [], 'blocks the sanitiser drops or unwraps would shift the lines');
  assert.notDeepEqual(raw.blockLines, []);
  const image = (value) => sanitizing.renderPost(`---\nimage: "${value}"\n---\nx\n`).image;
  assert.equal(image('https://x.test/a.png'), 'https://x.test/a.png');
  assert.equal(image('data:image/png;base64,AA'), 'data:image/png;base64,AA');
  for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x']) assert.equal(image(bad), null, bad);
});

function corpusPosts() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) files.push(path);
    }
  };
  walk(CORPUS);
  return files;
}

test('every corpus post should keep its text, heading ids, links and images when sanitized, losing only embeds, inline styles, link targets and unknown tags', { skip: sharedSkip('corpus/posts') }, async (t) => {
  const pairs = corpusPosts().map((file) => {
    const source = readFileSync(file, 'utf8');
    return { file, raw: sanitizing.renderPost(source, { sanitize: false }).html, sanitized: sanitizing.renderPost(source).html };
  });
  const page = await browser.newPage();
  const { lost, differences } = await page.evaluate((posts) => {
    // Parsed, never shown: DOMParser documents run nothing and load nothing.
    const parse = (markup) => new DOMParser().parseFromString(`<body>${markup}`, 'text/html').body;
    const embeds = 'iframe, object, embed, script, style, template, noscript';
    const text = (body) => {
      body.querySelectorAll(embeds).forEach((element) => element.remove());
      return body.textContent.replace(/\s+/g, ' ').trim();
    };
    const pick = (body, selector, read) => [...body.querySelectorAll(selector)].map(read);
    const inventory = (body, counts) => {
      for (const element of body.querySelectorAll('*')) {
        const tag = element instanceof HTMLUnknownElement ? 'an unknown tag' : element.localName;
        counts[tag] = (counts[tag] ?? 0) + 1;
        for (const { name } of element.attributes) counts[`${tag}[${name}]`] = (counts[`${tag}[${name}]`] ?? 0) + 1;
      }
      return counts;
    };
    const rawCounts = {};
    const keptCounts = {};
    const differences = [];
    for (const { file, raw, sanitized } of posts) {
      const [before, after] = [parse(raw), parse(sanitized)];
      inventory(before, rawCounts);
      inventory(after, keptCounts);
      const checks = {
        text: [text(before.cloneNode(true)), text(after.cloneNode(true))],
        headings: [pick(before, 'h1,h2,h3,h4,h5,h6', (h) => h.id), pick(after, 'h1,h2,h3,h4,h5,h6', (h) => h.id)],
        links: [pick(before, 'a[href]', (a) => a.getAttribute('href')), pick(after, 'a[href]', (a) => a.getAttribute('href'))],
        images: [pick(before, 'img', (i) => [i.getAttribute('src'), i.alt]), pick(after, 'img', (i) => [i.getAttribute('src'), i.alt])],
      };
      for (const [what, [was, is]] of Object.entries(checks)) {
        if (JSON.stringify(was) !== JSON.stringify(is)) differences.push(`${file}: ${what} differ`);
      }
    }
    const lost = Object.entries(rawCounts)
      .filter(([key, count]) => count > (keptCounts[key] ?? 0))
      .map(([key, count]) => `${key} ${count - (keptCounts[key] ?? 0)}/${count}`);
    return { lost, differences };
  }, pairs);
  await page.close();
  t.diagnostic(`${pairs.length} posts; what sanitizing removed: ${lost.join(', ')}`);
  assert.deepEqual(differences, []);
  const expected = /^(iframe|an unknown tag)(\[[\w-]+\])? |^\w+\[style\] |^a\[target\] /;
  assert.deepEqual(lost.filter((entry) => !expected.test(entry)), [], 'nothing else should be lost');
});
