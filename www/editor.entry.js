// The parts of CodeMirror 6 the page uses. .ci/build bundles this file, with the packages from
// tests/js/node_modules, into vendor/codemirror.js; the page never loads this file itself.
export { EditorState } from '@codemirror/state';
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
export { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
export { lintGutter, setDiagnostics } from '@codemirror/lint';
