// Placeholder page: proves the road from the build to a browser (www/pkg/ is what .ci/build
// copies here). The real page replaces it.
import init, { renderPost } from './pkg/postview.js';

const DEMO = `---
title: Hello, postview
lang: en
---
This preview is rendered by **postview** in your browser.

- Edit the text on the left.
- Front matter errors show above the title.
`;

const source = document.getElementById('source');

function show() {
  const post = renderPost(source.value);
  document.getElementById('title').textContent = post.title ?? '';
  document.getElementById('body').innerHTML = post.html;
  document.getElementById('diagnostics').textContent = post.diagnostics
    .map((d) => `${d.line}:${d.column} ${d.severity}: ${d.message}`)
    .join('\n');
}

await init();
source.value = DEMO;
source.addEventListener('input', show);
show();
