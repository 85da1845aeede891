// The parts of CodeMirror 6 the page uses at first paint. .ci/build bundles this file and
// search.entry.js, with the packages from tests/js/node_modules, into vendor/codemirror.js and
// vendor/search.js (their shared code in a chunk of its own); the page never loads these files.
export { Compartment, EditorState } from '@codemirror/state';
export {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
export { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
export { lintGutter, setDiagnostics } from '@codemirror/lint';
