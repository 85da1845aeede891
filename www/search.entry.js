// CodeMirror's search (the find panel, Ctrl+F, and the marks on the selection's other
// occurrences): 7 KB gzipped that the editor loads when first focused, not at first paint
// (editor.js). Bundled by .ci/build into vendor/search.js.
export { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
