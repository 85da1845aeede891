// A copy of the shared site (../shared/corpus/site, text files only) in a temporary folder, with
// what a real site has besides its text: PNG images under uploads/ (made here, each a gradient of
// its own size), the masthead's logo, a post of our own that shows a folder image, a remote
// image and an element styled by a url() of the site's stylesheet.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { SHARED, sharedSkip } from '../lib/shared.mjs';

export const SHARED_SITE = join(SHARED, 'corpus/site');
/** `false` when the shared site is there, else why its tests are skipped (see lib/shared.mjs). */
export const siteSkip = sharedSkip('corpus/site/_config.yml');
export const haveSite = !siteSkip;

export const OUR_POST = '_i18n/en/_posts/2024-05-01-site-view.md';
export const REMOTE_IMAGE = 'https://remote.invalid/remote.png';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
};

/** A width × height RGB PNG, a gradient from `from` to `to` ([r, g, b]). */
export function png(width, height, from = [40, 90, 160], to = [230, 160, 60]) {
  const rows = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const t = (x / width + y / height) / 2;
      for (let c = 0; c < 3; c += 1) row[1 + x * 3 + c] = Math.round(from[c] + (to[c] - from[c]) * t);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="250" height="60" viewBox="0 0 250 60"><rect width="60" height="60" rx="12" fill="#1c68f3"/><text x="74" y="42" font-family="Arial, sans-serif" font-size="34" fill="#222">News</text></svg>\n';

/** Makes the copy; returns its folder (named `site`, as the input reports it). */
export function makeSiteCopy() {
  const dir = join(mkdtempSync(join(tmpdir(), 'postview-site-')), 'site');
  cpSync(SHARED_SITE, dir, { recursive: true });
  mkdirSync(join(dir, 'uploads'));
  mkdirSync(join(dir, 'assets/img'), { recursive: true });
  writeFileSync(join(dir, 'assets/img/logo.svg'), LOGO);
  writeFileSync(join(dir, 'uploads/site-view.png'), png(320, 160));
  writeFileSync(join(dir, 'uploads/css-probe.png'), png(8, 8, [200, 30, 30], [200, 30, 30]));
  // Every .png an existing post names (the shared site has none), for the screenshot's post.
  const token = readFileSync(join(dir, '_i18n/en/_posts/2021-02-11-introducing-the-mask-token.md'), 'utf8');
  for (const [, name] of token.matchAll(/\/uploads\/([\w.-]+\.png)/g)) {
    if (!existsSync(join(dir, 'uploads', name))) writeFileSync(join(dir, 'uploads', name), png(900, 420));
  }
  // A url() in the site's own stylesheet, relative to it, as a theme's backgrounds are.
  appendFileSync(join(dir, 'assets/css/main.css'), '\n.css-probe { background-image: url("../../uploads/css-probe.png"); }\n');
  writeFileSync(
    join(dir, OUR_POST),
    [
      '---',
      'layout: post',
      'lang: en',
      'date: 2024-05-01',
      'timezone: 8',
      'tags: []',
      'title: Site view',
      "location: 'Shanghai'",
      'type: 快讯', // one of the en-post template's choices: the fixture should have no problem
      '---',
      'The post as the site publishes it.',
      '',
      '![From the folder]({{ site.baseurl_root }}/uploads/site-view.png)',
      '',
      `![From elsewhere](${REMOTE_IMAGE})`,
      '',
      '<div class="css-probe">A background from the stylesheet.</div>',
      '',
      'The last paragraph.',
      '',
    ].join('\n'),
  );
  return dir;
}
