// A rendered post as the module hands it over (src/packed.rs, src/wasm/packed.rs): a Uint32Array
// over the instance's memory, the header that says where each of the post's strings is in that
// memory and whether it is UTF-8, UTF-16 or ASCII; the first string is the JSON of every field but
// `html`, the second the HTML, then any strings the export adds. The header and the strings are
// only valid until the next call into the module: unpack them at once.
//
// Which encoding to ask for (UTF16) is measured (docs/performance.md): Node decodes UTF-8 with
// CJK text character by character but copies UTF-16 (with Buffer, twice as fast as its
// TextDecoder), so there the module converts the HTML to UTF-16; browsers' TextDecoder reads
// UTF-8 fast enough that the conversion would cost more than it saves.

const NODE = typeof process === 'object' && Boolean(process.versions?.node) && typeof Buffer === 'function';

/** Whether to ask the module for UTF-16 strings. */
export const UTF16 = NODE;

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const decodeUtf8 = (memory, at, bytes) => utf8.decode(new Uint8Array(memory, at, bytes));

// In Node, one Buffer over the module's memory, made again only when the memory grows (which
// replaces its ArrayBuffer): a Buffer made per string cost more than copying a short one.
let memoryBuffer = null;
const bufferOver = (memory) => (memoryBuffer?.buffer === memory ? memoryBuffer : (memoryBuffer = Buffer.from(memory)));

const decodeUtf16 = NODE
  ? (memory, at, bytes) => bufferOver(memory).toString('ucs2', at, at + bytes)
  : ((utf16) => (memory, at, bytes) => utf16.decode(new Uint8Array(memory, at, bytes)))(
      new TextDecoder('utf-16le', { ignoreBOM: true }),
    );

// ASCII (encoding 2) is Latin-1 too, which Node copies into a one-byte string.
const decodeAscii = NODE ? (memory, at, bytes) => bufferOver(memory).toString('latin1', at, at + bytes) : decodeUtf8;
const DECODERS = [decodeUtf8, decodeUtf16, decodeAscii];

/** The strings a header points at, in order. */
export function unpack(header) {
  const memory = header.buffer;
  const strings = new Array(header[0]);
  for (let i = 0, k = 1; i < strings.length; i++, k += 3) {
    strings[i] = DECODERS[header[k + 2]](memory, header[k], header[k + 1]);
  }
  return strings;
}

/**
 * The object `renderPost` returns, from the first two strings of `unpack`: a plain object with
 * every field as its own enumerable property, in the order of the JSON. Only `html` and
 * `needsLexers` (which every call reads) are values at once; the other fields are getters that
 * parse the JSON on first access, since a caller that reads the HTML alone should not pay for
 * the rest. Setting a field makes it a plain value. A float that is not a number comes as the
 * string "\ud800", which no real string can be (a lone surrogate); its escape in the JSON text
 * is what makes the slower parse with a reviver worth running.
 */
export function renderedFrom([json, html]) {
  const post = {};
  Object.defineProperties(post, BEFORE_HTML);
  post.html = html;
  Object.defineProperties(post, AFTER_HTML);
  JSON_OF.set(post, json);
  // The last field, so an empty list is the JSON's end: no parse needed to know it.
  post.needsLexers = json.endsWith(NO_LEXERS) ? [] : fieldsOf(post).needsLexers;
  return post;
}

const NO_LEXERS = '"needsLexers":[]}';

/** Each post's JSON text, then its parsed fields once one is read. */
const JSON_OF = new WeakMap();

function fieldsOf(post) {
  let fields = JSON_OF.get(post);
  if (typeof fields === 'string') {
    fields = fields.includes('\\ud800') ? JSON.parse(fields, notANumber) : JSON.parse(fields);
    JSON_OF.set(post, fields);
  }
  return fields;
}

/** The lazy fields' property descriptors, shared by every post: `this` is the post. */
const lazy = (key) => ({
  enumerable: true,
  configurable: true,
  get() {
    return fieldsOf(this)[key];
  },
  set(value) {
    Object.defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
  },
});
const BEFORE_HTML = { frontMatter: lazy('frontMatter') };
const AFTER_HTML = Object.fromEntries(
  ['title', 'lang', 'date', 'image', 'translations', 'headings', 'diagnostics', 'blockLines'].map((key) => [key, lazy(key)]),
);

function notANumber(_key, value) {
  return value === '\ud800' ? NaN : value;
}
