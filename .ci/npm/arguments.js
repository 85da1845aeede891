// The user's objects an entry hands to the module, checked and copied before the module sees them.
// The module reads a `site` option as YAML data (maps, lists, scalars) by walking it; a cycle or a
// very deep nesting would make that walk run out of stack, a trap, where the caller should get a
// TypeError that says what is wrong. So the value is copied here, within a depth and a size: the
// module gets the copy, which no getter can make different from what was checked. (The other
// arguments the entries take, files and posts of `{ path, text }` and lists of strings, are read
// by the module only as far as the strings it expects: nothing in them is walked.)

/** How deep a value may nest: `{ a: { b: 1 } }` is 2 deep. A site's `_config.yml` is a few. */
export const MAX_DEPTH = 64;

/** How many values (objects, arrays and scalars, each counted where it appears) one may hold. */
export const MAX_VALUES = 250_000;

/**
 * `renderPost`'s options with `site` copied by `plainValue`; anything else is passed on as it
 * is, for the module to judge (it throws a TypeError for a malformed option).
 */
export function plainOptions(options, caller) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return options;
  const { site, languages, path, sanitize } = options;
  const plain = { languages, path, sanitize };
  if (site !== undefined && site !== null) plain.site = plainValue(site, `${caller}: options.site`);
  return plain;
}

/**
 * A copy of `value` as the module reads it: arrays, Maps and other objects' own enumerable keys,
 * each copied, and the scalars in them. Values the module reads without going inside (typed
 * arrays, Sets and other iterables, which it refuses or takes as bytes) are passed on as they are.
 * Throws a TypeError, naming `what` and where in it, for a value that contains itself, nests
 * deeper than MAX_DEPTH, or holds more than MAX_VALUES values (shared objects counted each time,
 * as the module would read them).
 */
export function plainValue(value, what) {
  let count = 0;
  const ancestors = new Set();
  // The keys and indexes from the top to the value being copied.
  const at = [];
  const copy = (item, depth) => {
    count += 1;
    if (count > MAX_VALUES) {
      throw new TypeError(`${what} holds more than ${MAX_VALUES} values (counting shared objects each time they appear); pass a smaller one`);
    }
    const kind = kindOf(item);
    if (kind === undefined) return item;
    if (ancestors.has(item)) {
      throw new TypeError(`${what} contains itself at ${shown(at)}: a value with a cycle cannot be read as data; pass one without it`);
    }
    if (depth >= MAX_DEPTH) {
      throw new TypeError(`${what} nests deeper than ${MAX_DEPTH} levels (at ${shown(at)}); pass a shallower one`);
    }
    ancestors.add(item);
    const inside = (step, element) => {
      at.push(step);
      const copied = copy(element, depth + 1);
      at.pop();
      return copied;
    };
    let out;
    if (kind === 'array') {
      out = Array.from(item, (element, index) => inside(index, element));
    } else if (kind === 'map') {
      out = new Map(Array.from(item, ([key, element]) => [key, inside(String(key), element)]));
    } else {
      // No prototype: a key "__proto__" is then a key like any other.
      out = Object.create(null);
      for (const [key, element] of Object.entries(item)) out[key] = inside(key, element);
    }
    ancestors.delete(item);
    return out;
  };
  return copy(value, 0);
}

/** 'array', 'map' or 'object' for what the module reads inside, else undefined. */
function kindOf(item) {
  if (item === null || typeof item !== 'object') return undefined;
  if (Array.isArray(item)) return 'array';
  if (item instanceof Map) return 'map';
  if (ArrayBuffer.isView(item) || item instanceof ArrayBuffer || Symbol.iterator in item) return undefined;
  return 'object';
}

/** Where in the value: `.a.b[3]`, its first and last steps when it is long. */
function shown(at) {
  const steps = at.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`));
  const path = steps.length > 8 ? `${steps.slice(0, 4).join('')}…${steps.slice(-3).join('')}` : steps.join('');
  return path === '' ? 'its top' : path;
}
