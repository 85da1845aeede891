// The editor: CodeMirror 6 with line numbers, soft-wrapped lines (CJK paragraphs are long lines),
// error marks in the gutter and under the text, and the few calls the page needs.
import {
  Compartment, EditorState, EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter,
  highlightSpecialChars, keymap, lineNumbers, defaultKeymap, history, historyKeymap,
  indentWithTab, lintGutter, setDiagnostics,
} from './vendor/codemirror.js';

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '14px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace', lineHeight: '1.6' },
  '.cm-content': { padding: '12px 0' },
  '.cm-line': { padding: '0 16px 0 8px' },
  '.cm-gutters': { background: '#f6f4ef', borderRight: '1px solid #e2ddd2', color: '#8a8373' },
});

/** The keys of CodeMirror's searchKeymap that do something before a search panel is open. */
const SEARCH_KEYS = ['Mod-f', 'F3', 'Mod-g', 'Mod-Shift-l', 'Mod-Alt-g', 'Mod-d'];
/** Those of them that also do something with Shift. */
const SHIFTED = ['F3', 'Mod-g'];

/**
 * A CodeMirror editor in `parent`: `label()` names it for assistive technology, `onChange()` is
 * called after every edit, `onScroll()` on scroll.
 */
export function createEditor(parent, { label, onChange, onScroll }) {
  // Search is not needed to type: it loads when the editor is first focused and joins the
  // editor in place (a reconfiguration keeps the text, selection and history). A search key
  // pressed before it has loaded waits for it, then runs.
  const search = new Compartment();
  let loading = null;
  const loadSearch = () =>
    (loading ??= import('./vendor/search.js').then(({ highlightSelectionMatches, searchKeymap }) => {
      searching = [highlightSelectionMatches(), keymap.of(searchKeymap)];
      view.dispatch({ effects: search.reconfigure(searching) });
      return searchKeymap;
    }));
  const later = (key, shift) => (v) => {
    loadSearch().then((bindings) => {
      const bound = bindings.find((b) => b.key === key);
      (shift ? bound?.shift : bound?.run)?.(v);
    }, (error) => console.warn(`postview: search is not available: ${error.message}`));
    return true;
  };
  let searching = [keymap.of(SEARCH_KEYS.map((key) => ({ key, run: later(key, false), shift: SHIFTED.includes(key) ? later(key, true) : undefined })))];
  const extensions = () => [
    lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(), drawSelection(),
    highlightActiveLine(), lintGutter(), EditorView.lineWrapping, theme,
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    // After the page's keys, as searchKeymap came after them in one keymap.
    search.of(searching),
    EditorView.contentAttributes.of(() => ({ 'aria-label': label() })),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange();
    }),
  ];
  const view = new EditorView({ parent });
  view.contentDOM.addEventListener('focus', () => {
    loadSearch().catch((error) => console.warn(`postview: search is not available: ${error.message}`));
  }, { once: true });
  let marked = false; // whether the editor shows any diagnostics
  view.scrollDOM.addEventListener('scroll', onScroll, { passive: true });

  /** The document offset of 1-based `line`, `column` (columns count code points). */
  function offset(line, column) {
    const at = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
    let units = 0;
    let points = 1;
    for (const char of at.text) {
      if (points >= column) break;
      units += char.length;
      points += 1;
    }
    return at.from + units;
  }

  /** Where the editor's content starts, in the scroller's coordinates. */
  function contentTop() {
    return view.documentTop - view.scrollDOM.getBoundingClientRect().top + view.scrollDOM.scrollTop;
  }

  return {
    view,
    /** Shows another text, with its own undo history; fires no onChange. */
    load(text) {
      view.setState(EditorState.create({ doc: text, extensions: extensions() }));
      marked = false;
    },
    text: () => view.state.doc.toString(),
    lineCount: () => view.state.doc.lines,
    /** Marks the diagnostics (1-based line and column) in the text and the gutter. */
    mark(diagnostics) {
      // None to show and none shown (each key in a clean post): an editor update for nothing.
      if (!diagnostics.length && !marked) return;
      marked = diagnostics.length > 0;
      const marks = diagnostics.map((d) => {
        const from = offset(d.line, d.column);
        const end = view.state.doc.lineAt(from).to;
        return { from, to: Math.max(from, end), severity: d.severity, message: d.message, source: d.code };
      });
      view.dispatch(setDiagnostics(view.state, marks));
    },
    /** Puts the cursor at `line`, `column`, scrolls there and focuses the editor. */
    goTo(line, column) {
      const at = offset(line, column);
      view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      view.focus();
    },
    /** The line at the top of the view, with the fraction of it scrolled past (e.g. 12.4). */
    topLine() {
      const y = view.scrollDOM.scrollTop - contentTop();
      const block = view.lineBlockAtHeight(Math.max(0, y));
      const line = view.state.doc.lineAt(block.from).number;
      return line + Math.min(1, Math.max(0, (y - block.top) / (block.height || 1)));
    },
    /** Scrolls so that the fractional line `at` (as topLine gives) is at the top; returns the scrollTop reached. */
    scrollToLine(at) {
      const doc = view.state.doc;
      const number = Math.min(Math.max(Math.floor(at), 1), doc.lines);
      const block = view.lineBlockAt(doc.line(number).from);
      view.scrollDOM.scrollTop = block.top + (at - number) * block.height + contentTop();
      return view.scrollDOM.scrollTop;
    },
    scrollTop: () => view.scrollDOM.scrollTop,
  };
}
