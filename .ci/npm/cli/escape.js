// Text that `postview check` prints, made safe for a terminal and a CI log: a file's name or a
// message quoting a file's content may hold a newline (which would start a line of its own, such
// as a GitHub Actions `::error` command), an escape sequence (which a terminal obeys), or a
// character that reorders the line. Each is written as an escape instead, so that every problem
// is one line and reads as what the file holds.

// C0 controls, DEL, C1 controls; the line and paragraph separators; the marks and embeddings that
// reorder bidirectional text; lone surrogates (which no output encoding can write).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const hex = (code, digits) => code.toString(16).padStart(digits, '0');

/** `text` with each unsafe character as `\xNN` (up to U+00FF) or `\u{NNNN}`. */
export function printable(text) {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u{${hex(code, 4)}}`;
  });
}

/**
 * A path as `printable` writes it, with `\` written `\\`, so that no name reads as an escape. In
 * a path not in Unicode's composed form (NFC), as macOS writes names, each combining mark is
 * written as an escape too: such a name prints exactly like the composed name of another file
 * (two posts `ブログ.md`, one typed, one copied from a Mac), and each file must read as its own.
 */
export function printablePath(path) {
  const text = printable(path.replaceAll('\\', '\\\\'));
  if (text === text.normalize('NFC')) return text;
  return text.replace(/\p{M}/gu, (c) => `\\u{${hex(c.codePointAt(0), 4)}}`);
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** A file name's bytes as UTF-8, or undefined when they are not UTF-8. */
export function utf8Name(bytes) {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A name's bytes as `printablePath` writes the name, each byte that is not UTF-8 as `\xNN`. */
export function printableBytes(bytes) {
  let out = '';
  let from = 0;
  for (let at = 0; at < bytes.length; ) {
    const length = sequenceAt(bytes, at);
    if (length > 0) {
      at += length;
      continue;
    }
    out += printablePath(strict.decode(bytes.subarray(from, at))) + `\\x${hex(bytes[at], 2)}`;
    at += 1;
    from = at;
  }
  return out + printablePath(strict.decode(bytes.subarray(from)));
}

/** The length of the UTF-8 sequence at `at` (1 to 4), or 0 when the byte there starts none. */
function sequenceAt(bytes, at) {
  for (let length = 1; length <= 4 && at + length <= bytes.length; length += 1) {
    if (utf8Name(bytes.subarray(at, at + length)) !== undefined) return length;
  }
  return 0;
}
