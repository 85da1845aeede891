// Scroll sync between the editor and the preview, from the source line of each top-level block
// of the preview (the report's blockLines): each block is an anchor (line, y), and positions in
// between are interpolated, both ways.

/**
 * `editor` has topLine(), scrollToLine(at), scrollTop() and lineCount(); `frame` is the preview's iframe;
 * `blocks()` returns { lines, nodes }, the blocks of the last render.
 */
export function createScrollSync({ editor, frame, blocks }) {
  // Where we last scrolled each side ourselves: a scroll event that finds it there is our echo.
  const expected = { editor: null, preview: null };
  const echo = (side, at) => {
    const mine = expected[side] !== null && Math.abs(at - expected[side]) < 2;
    expected[side] = null;
    return mine;
  };

  function anchors() {
    const win = frame.contentWindow;
    const { lines, nodes } = blocks();
    const list = [[1, 0]];
    lines.forEach((line, i) => {
      const node = nodes[i];
      if (!node || node.nodeType !== Node.ELEMENT_NODE) return;
      const y = node.getBoundingClientRect().top + win.scrollY;
      const [lastLine, lastY] = list[list.length - 1];
      // Keep the anchors increasing both ways, or interpolation would fold back.
      if (line > lastLine && y >= lastY) list.push([line, y]);
    });
    const end = win.document.documentElement.scrollHeight;
    const [lastLine, lastY] = list[list.length - 1];
    if (end > lastY) list.push([Math.max(editor.lineCount() + 1, lastLine + 1), end]);
    return list;
  }

  /** Maps `value` through the anchors: from column `from` (0 line, 1 y) to the other. */
  function map(value, from) {
    const list = anchors();
    const to = 1 - from;
    let i = 0;
    while (i < list.length - 2 && list[i + 1][from] <= value) i += 1;
    const [a, b] = [list[i], list[i + 1] ?? list[i]];
    const span = b[from] - a[from];
    const t = span > 0 ? Math.min(1, Math.max(0, (value - a[from]) / span)) : 0;
    return a[to] + t * (b[to] - a[to]);
  }

  return {
    fromEditor() {
      const win = frame.contentWindow;
      if (echo('editor', editor.scrollTop()) || !win) return;
      win.scrollTo(0, map(editor.topLine(), 0));
      expected.preview = win.scrollY;
    },
    fromPreview() {
      const win = frame.contentWindow;
      if (echo('preview', win.scrollY)) return;
      expected.editor = editor.scrollToLine(map(win.scrollY, 1));
    },
  };
}
