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
const decodeUtf16 = NODE
  ? (memory, at, bytes) => Buffer.from(memory, at, bytes).toString('ucs2')
  : ((utf16) => (memory, at, bytes) => utf16.decode(new Uint8Array(memory, at, bytes)))(
      new TextDecoder('utf-16le', { ignoreBOM: true }),
    );

// ASCII (encoding 2) is Latin-1 too, which Node copies into a one-byte string.
const decodeAscii = NODE ? (memory, at, bytes) => Buffer.from(memory, at, bytes).toString('latin1') : decodeUtf8;
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
 * The plain object `renderPost` returns, from the first two strings of `unpack`. A float that is
 * not a number comes as the string "\ud800", which no real string can be (a lone surrogate); its
 * escape in the JSON text is what makes the slower parse with a reviver worth running.
 */
export function renderedFrom([json, html]) {
  const post = json.includes('\\ud800') ? JSON.parse(json, notANumber) : JSON.parse(json);
  post.html = html;
  return post;
}

function notANumber(_key, value) {
  return value === '\ud800' ? NaN : value;
}
