// A rendered post as the module hands it over (src/packed.rs, src/wasm/packed.rs): a Uint16Array
// over the instance's memory that holds the post's strings as UTF-16, the first the JSON of every
// field but `html`, the second the HTML, then any strings the export adds. Decoding UTF-16 is
// close to a copy for V8, where the glue's UTF-8 decode of CJK text goes character by character,
// and one JSON.parse is cheaper than an object built one property per call into JS (README,
// Performance). The view is only valid until the next call into the module: unpack it at once.

// Node's Buffer reads UTF-16 about twice as fast as TextDecoder there (README, Performance); other
// runtimes get TextDecoder.
const decodeUtf16 =
  typeof process === 'object' && process.versions?.node && typeof Buffer === 'function'
    ? (units) => Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('ucs2')
    : ((decoder) => (units) => decoder.decode(units))(new TextDecoder('utf-16le'));

/** The strings of a packed view, in order. */
export function unpack(units) {
  const count = units[0];
  const strings = new Array(count);
  let at = 1 + 2 * count;
  for (let i = 0; i < count; i++) {
    const length = units[1 + 2 * i] + units[2 + 2 * i] * 0x10000;
    strings[i] = decodeUtf16(units.subarray(at, at + length));
    at += length;
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
