// A corpus of ways a post could try to run script or navigate, written for postview's tests.
//
// Each vector is Markdown (with HTML, as posts have) that calls `fire(id)` where it would run:
// the script `top.__xss_<id>++`, which leaves a property on the top window (no quotes, brackets,
// spaces or `=`, so that it fits in unquoted attributes, URLs and Markdown link targets alike). Navigation and loading vectors point at MARK instead, an
// address nothing listens on, where the probe (xss-probe.mjs) sees every request.
//
// `fires` says where the vector, rendered by postview and not sanitized, does run in Chromium —
// 'document' (the HTML as a whole page) and/or 'innerHTML' (inserted into a page): the control
// test checks exactly that, so each vector is known to be live. A vector with `fires: []` is
// inert in today's Chromium (or in kramdown) and says why in `inert`: it stays because another
// browser, or a sanitiser that rewrote it, could bring it to life.

export const MARK = 'http://127.0.0.1:9';

/** The script a vector runs: sets `top.__xss_<id>`. */
export const fire = (id) => `top.__xss_${id}++`;

const BOTH = ['document', 'innerHTML'];
const DOCUMENT = ['document']; // scripts inserted with innerHTML never run

/** `{ id, markdown, fires, inert?, frontMatter? }` */
export const VECTORS = [
  // Scripts.
  { id: 'script', fires: DOCUMENT, markdown: (f) => `<script>${f}</script>` },
  { id: 'script_src', fires: DOCUMENT, markdown: () => `<script src="${MARK}/script.js"></script>` },
  { id: 'svg_script', fires: DOCUMENT, markdown: (f) => `<svg><script>${f}</script></svg>` },
  { id: 'liquid_literal', fires: DOCUMENT, markdown: (f) => `{{ "<script>${f}</script>" }}` },

  // Event handlers.
  { id: 'img_onerror', fires: BOTH, markdown: (f) => `<img src="x" onerror="${f}">` },
  {
    id: 'img_onerror_unquoted',
    fires: [],
    inert: 'kramdown reads an unquoted attribute value only if it is a word; it writes this tag back as text',
    markdown: (f) => `<img src=x onerror=${f}>`,
  },
  // Browsers read <image> as <img>; kramdown does not know it is empty, so it is closed here.
  { id: 'image_tag', fires: BOTH, markdown: (f) => `<image src="x" onerror="${f}"></image>` },
  { id: 'inline_img', fires: BOTH, markdown: (f) => `Text with <img src='x' onerror='${f}'> inside a paragraph.` },
  { id: 'svg_onload', fires: DOCUMENT, markdown: (f) => `<svg onload="${f}"></svg>` },
  { id: 'body_onload', fires: DOCUMENT, markdown: (f) => `<body onload="${f}"></body>` },
  { id: 'details_ontoggle', fires: BOTH, markdown: (f) => `<details open ontoggle="${f}"><summary>More</summary>text</details>` },
  { id: 'input_autofocus', fires: BOTH, markdown: (f) => `<input autofocus onfocus="${f}">` },
  { id: 'select_autofocus', fires: BOTH, markdown: (f) => `<select autofocus onfocus="${f}"><option>a</option></select>` },
  { id: 'video_source', fires: BOTH, markdown: (f) => `<video><source src="x" onerror="${f}"></video>` },
  { id: 'audio_onerror', fires: BOTH, markdown: (f) => `<audio src="x" onerror="${f}"></audio>` },
  { id: 'input_image', fires: BOTH, markdown: (f) => `<input type="image" src="x" onerror="${f}">` },
  {
    id: 'animation',
    fires: BOTH,
    markdown: (f) => `<style>@keyframes pv{from{opacity:0}to{opacity:1}}</style><div style="animation:pv 1ms" onanimationstart="${f}">animated</div>`,
  },
  { id: 'marquee', fires: [], inert: 'Chromium no longer fires marquee\'s start event', markdown: (f) => `<marquee onstart="${f}">moving</marquee>` },
  { id: 'dialog_alert', fires: BOTH, markdown: (f) => `<img src="x" onerror="${f};alert(1)">` },

  // Markdown and kramdown.
  { id: 'md_image_ial', fires: BOTH, markdown: (f) => `![a picture](nowhere.png){: onerror="${f}"}` },
  { id: 'ial_block', fires: BOTH, markdown: (f) => `A focusable paragraph.\n{: tabindex="0" autofocus="" onfocus="${f}"}` },
  {
    id: 'liquid_page',
    fires: BOTH,
    frontMatter: (f) => `xss_image: "<img src='x' onerror='${f}'>"`,
    markdown: () => '{{ page.xss_image }}',
  },

  // URLs that run script when followed (the probe clicks every link and button).
  { id: 'a_javascript', fires: BOTH, markdown: (f) => `<a href="javascript:${f}">a link</a>` },
  { id: 'a_javascript_entity', fires: BOTH, markdown: (f) => `<a href="&#106;avascript&colon;${f}">an encoded link</a>` },
  { id: 'a_javascript_space', fires: BOTH, markdown: (f) => `<a href=" javascript:${f}">a spaced link</a>` },
  { id: 'md_link', fires: BOTH, markdown: (f) => `[a Markdown link](javascript:${f})` },
  { id: 'md_link_case', fires: BOTH, markdown: (f) => `[a shouting link](JaVaScRiPt:${f})` },
  { id: 'md_link_tab', fires: BOTH, markdown: (f) => `[a tabbed link](java&#9;script:${f})` },
  { id: 'md_reference', fires: BOTH, markdown: (f) => `[a reference link][evil]\n\n[evil]: javascript:${f}` },
  {
    id: 'md_autolink',
    fires: [],
    inert: 'kramdown autolinks only http(s), ftp(s) and mailto: it writes <javascript:…> back as text',
    markdown: (f) => `<javascript:${f}>`,
  },
  { id: 'svg_a', fires: BOTH, markdown: (f) => `<svg width="200" height="30"><a xlink:href="javascript:${f}"><text x="5" y="20">an SVG link</text></a></svg>` },
  {
    id: 'svg_animate',
    fires: BOTH,
    markdown: (f) => `<svg width="200" height="30"><a><animate attributeName="href" values="javascript:${f}"/><text x="5" y="20">an animated link</text></a></svg>`,
  },
  { id: 'button_formaction', fires: BOTH, markdown: (f) => `<form><button formaction="javascript:${f}">a button</button></form>` },
  { id: 'a_vbscript', fires: [], inert: 'vbscript: is Internet Explorer only (Chromium looks for a protocol handler)', markdown: (f) => `<a href="vbscript:${f}">a VBScript link</a>` },
  {
    id: 'a_data_html',
    fires: [],
    inert: 'Chromium refuses to navigate the top page to a data: URL',
    markdown: (f) => `<a href="data:text/html,<script>${f}</script>">a data link</a>`,
  },
  { id: 'math_href', fires: [], inert: 'Chromium does not follow MathML href', markdown: (f) => `<math href="javascript:${f}"><mi>x</mi></math>` },

  // Frames, objects, embeds.
  { id: 'iframe_javascript', fires: BOTH, markdown: (f) => `<iframe src="javascript:${f}"></iframe>` },
  { id: 'iframe_srcdoc', fires: BOTH, markdown: (f) => `<iframe srcdoc="<script>${f}</script>"></iframe>` },
  { id: 'iframe_srcdoc_img', fires: BOTH, markdown: (f) => `<iframe srcdoc="<img src=x onerror=${f}>"></iframe>` },
  { id: 'iframe_data', fires: BOTH, markdown: (f) => `<iframe src="data:text/html,<script>${f}</script>"></iframe>` },
  { id: 'iframe_away', fires: BOTH, markdown: () => `<iframe src="${MARK}/frame.html"></iframe>` },
  { id: 'object_data', fires: BOTH, markdown: (f) => `<object data="data:text/html,<script>${f}</script>"></object>` },
  { id: 'object_away', fires: BOTH, markdown: () => `<object data="${MARK}/object.html"></object>` },
  { id: 'object_javascript', fires: [], inert: 'Chromium does not load javascript: URLs in <object>', markdown: (f) => `<object data="javascript:${f}"></object>` },
  { id: 'embed_away', fires: BOTH, markdown: () => `<embed src="${MARK}/embed.html">` },
  { id: 'embed_javascript', fires: [], inert: 'Chromium does not load javascript: URLs in <embed>', markdown: (f) => `<embed src="javascript:${f}">` },

  // Navigation and the page's own addresses.
  { id: 'meta_refresh', fires: BOTH, markdown: () => `<meta http-equiv="refresh" content="0;url=${MARK}/refreshed">` },
  {
    id: 'meta_refresh_javascript',
    fires: [],
    inert: 'Chromium refuses javascript: URLs in a refresh',
    markdown: (f) => `<meta http-equiv="refresh" content="0;url=javascript:${f}">`,
  },
  { id: 'base_href', fires: BOTH, markdown: () => `<base href="${MARK}/based/"><a href="relative-page">a relative link after a base</a>` },
  { id: 'form_action', fires: BOTH, markdown: () => `<form action="${MARK}/form"><button type="submit">send</button></form>` },
  { id: 'form_autofocus', fires: BOTH, markdown: (f) => `<form action="${MARK}/form2"><input autofocus onfocus="${f}"></form>` },
  { id: 'input_formaction', fires: BOTH, markdown: () => `<form><input type="submit" formaction="${MARK}/formaction" value="submit"></form>` },

  // CSS.
  { id: 'style_import', fires: BOTH, markdown: () => `<style>@import url("${MARK}/import.css");</style>` },
  { id: 'link_stylesheet', fires: BOTH, markdown: () => `<link rel="stylesheet" href="${MARK}/link.css">` },
  { id: 'link_import', fires: [], inert: 'HTML imports left Chromium in version 73', markdown: () => `<link rel="import" href="${MARK}/import.html">` },
  { id: 'css_expression', fires: [], inert: 'CSS expression() is Internet Explorer only', markdown: (f) => `<div style="width: expression(${f})">expression</div>` },
  {
    id: 'css_url_javascript',
    fires: [],
    inert: 'no current browser runs javascript: URLs from CSS',
    markdown: (f) => `<div style="background-image: url(javascript:${f})">css url</div>`,
  },

  // Parser tricks: inert as written, live if a sanitiser's output is parsed differently.
  {
    id: 'template',
    fires: [],
    inert: 'a template\'s content is never live; a sanitiser that unwrapped it would make it so',
    markdown: (f) => `<template><img src="x" onerror="${f}"></template>`,
  },
  { id: 'comment_break', fires: BOTH, markdown: (f) => `<!--><img src="x" onerror="${f}">-->` },
  {
    id: 'math_style',
    fires: [],
    inert: 'the style stays inside MathML when parsed once; it escapes only from a sanitiser that parses, writes and is parsed again',
    markdown: (f) => `<math><mtext><table><mglyph><style><img src="x" onerror="${f}"></style></mglyph></table></mtext></math>`,
  },
  {
    id: 'noscript_break',
    fires: [],
    // Last: kramdown leaves its <p> open to the end of the post.
    inert: 'kramdown reads the HTML and writes it again, escaping the < inside the attribute',
    markdown: (f) => `<noscript><p title="</noscript><img src='x' onerror='${f}'>"></noscript>`,
  },
];

/**
 * The post of one vector, or of several: front matter, then each vector as a block of its own
 * (each one closes what it opens, so that none swallows the next: a test checks it).
 */
export function postOf(vectors) {
  const frontMatter = vectors.filter((v) => v.frontMatter).map((v) => v.frontMatter(fire(v.id)));
  const body = vectors.map((v) => v.markdown(fire(v.id))).join('\n\n');
  return `---\ntitle: XSS vectors\ntype: ''\n${frontMatter.join('\n')}\n---\n${body}\n`;
}
