// The page's own words, in the site's five languages. The page speaks the language of the post
// shown unless the user picks one; a language without a table here falls back to English.

const STRINGS = {
  en: {
    openFiles: 'Open .md files',
    openFolder: 'Open site folder',
    post: 'Post',
    download: 'Download .md',
    discard: 'Discard draft',
    uiLanguage: 'Interface language',
    followPost: 'Follow the post',
    translations: 'Translations',
    editor: 'Post source',
    preview: 'Preview',
    problems: 'Problems',
    noProblems: 'No problems.',
    place: 'Line {line}, column {column}',
    error: 'Error',
    warning: 'Warning',
    demo: 'Demo',
    draft: 'draft',
    notOpened: 'Not open here: open the site folder to edit this translation.',
    unsaved: 'has a draft',
    fmBroken: 'The front matter has errors: the heading shows its last good version.',
    fmUnclosed: 'The front matter is not closed: the preview shows its last good version.',
    fmNone: 'No front matter: the site would copy this file as it is, not lay it out as a post.',
    rendered: 'Rendered in {ms} ms',
    saveFailed: 'The draft could not be saved in this browser: {error}',
    linkBlocked: 'Links do not open from the preview: {href}',
    dropHint: 'Drop a site folder, its _i18n folder or .md files',
    noPosts: 'No .md files there.',
    foundTranslation: 'Found, not declared in the front matter:',
    sideBySide: 'Side by side',
    translation: 'Translation',
    writeLinks: 'Write links',
    writeLinksTitle: 'Write these translation links?',
    cancel: 'Cancel',
    lineN: 'line {line}',
    newLine: '(new line)',
    noChange: 'no change',
  },
  ja: {
    openFiles: '.md ファイルを開く',
    openFolder: 'サイトのフォルダーを開く',
    post: '記事',
    download: '.md をダウンロード',
    discard: '下書きを破棄',
    uiLanguage: '表示言語',
    followPost: '記事に合わせる',
    translations: '翻訳',
    editor: '記事のソース',
    preview: 'プレビュー',
    problems: '問題',
    noProblems: '問題はありません。',
    place: '{line} 行 {column} 列',
    error: 'エラー',
    warning: '警告',
    demo: 'デモ',
    draft: '下書き',
    notOpened: 'ここでは開かれていません。この翻訳を編集するにはサイトのフォルダーを開いてください。',
    unsaved: '下書きあり',
    fmBroken: 'フロントマターにエラーがあります。見出しは最後に正しかった内容のままです。',
    fmUnclosed: 'フロントマターが閉じられていません。プレビューは最後に正しかった内容のままです。',
    fmNone: 'フロントマターがありません。サイトはこのファイルを記事としてではなく、そのままコピーします。',
    rendered: '{ms} ms で表示',
    saveFailed: '下書きをこのブラウザーに保存できませんでした：{error}',
    linkBlocked: 'プレビューからリンクは開きません：{href}',
    dropHint: 'サイトのフォルダー、その _i18n フォルダー、または .md ファイルをドロップ',
    noPosts: '.md ファイルが見つかりません。',
  },
  ko: {
    openFiles: '.md 파일 열기',
    openFolder: '사이트 폴더 열기',
    post: '글',
    download: '.md 다운로드',
    discard: '초안 버리기',
    uiLanguage: '화면 언어',
    followPost: '글의 언어를 따름',
    translations: '번역',
    editor: '글의 원본',
    preview: '미리 보기',
    problems: '문제',
    noProblems: '문제가 없습니다.',
    place: '{line}행 {column}열',
    error: '오류',
    warning: '경고',
    demo: '데모',
    draft: '초안',
    notOpened: '여기에서 열리지 않았습니다. 이 번역을 편집하려면 사이트 폴더를 여세요.',
    unsaved: '초안 있음',
    fmBroken: '프런트 매터에 오류가 있습니다. 제목은 마지막으로 올바르던 내용을 보여 줍니다.',
    fmUnclosed: '프런트 매터가 닫히지 않았습니다. 미리 보기는 마지막으로 올바르던 내용을 보여 줍니다.',
    fmNone: '프런트 매터가 없습니다. 사이트는 이 파일을 글로 꾸미지 않고 그대로 복사합니다.',
    rendered: '{ms} ms 만에 표시',
    saveFailed: '이 브라우저에 초안을 저장하지 못했습니다: {error}',
    linkBlocked: '미리 보기에서는 링크가 열리지 않습니다: {href}',
    dropHint: '사이트 폴더, 그 _i18n 폴더 또는 .md 파일을 놓으세요',
    noPosts: '.md 파일이 없습니다.',
  },
  'zh-Hans': {
    openFiles: '打开 .md 文件',
    openFolder: '打开站点文件夹',
    post: '文章',
    download: '下载 .md',
    discard: '丢弃草稿',
    uiLanguage: '界面语言',
    followPost: '跟随文章',
    translations: '译文',
    editor: '文章源文件',
    preview: '预览',
    problems: '问题',
    noProblems: '没有问题。',
    place: '第 {line} 行，第 {column} 列',
    error: '错误',
    warning: '警告',
    demo: '演示',
    draft: '草稿',
    notOpened: '此处未打开：请打开站点文件夹来编辑这篇译文。',
    unsaved: '有草稿',
    fmBroken: '前置元数据有错误：标题保留上一次正确的内容。',
    fmUnclosed: '前置元数据没有结束：预览保留上一次正确的内容。',
    fmNone: '没有前置元数据：站点会原样复制这个文件，而不会把它排成文章。',
    rendered: '渲染用时 {ms} 毫秒',
    saveFailed: '无法在此浏览器中保存草稿：{error}',
    linkBlocked: '预览中不会打开链接：{href}',
    dropHint: '拖入站点文件夹、其中的 _i18n 文件夹或 .md 文件',
    noPosts: '那里没有 .md 文件。',
  },
  'zh-Hant': {
    openFiles: '開啟 .md 檔案',
    openFolder: '開啟網站資料夾',
    post: '文章',
    download: '下載 .md',
    discard: '捨棄草稿',
    uiLanguage: '介面語言',
    followPost: '跟隨文章',
    translations: '譯文',
    editor: '文章原始檔',
    preview: '預覽',
    problems: '問題',
    noProblems: '沒有問題。',
    place: '第 {line} 行，第 {column} 欄',
    error: '錯誤',
    warning: '警告',
    demo: '示範',
    draft: '草稿',
    notOpened: '此處未開啟：請開啟網站資料夾來編輯這篇譯文。',
    unsaved: '有草稿',
    fmBroken: '前置資料有錯誤：標題保留上一次正確的內容。',
    fmUnclosed: '前置資料沒有結束：預覽保留上一次正確的內容。',
    fmNone: '沒有前置資料：網站會原樣複製這個檔案，而不會把它排成文章。',
    rendered: '算繪用時 {ms} 毫秒',
    saveFailed: '無法在此瀏覽器中儲存草稿：{error}',
    linkBlocked: '預覽中不會開啟連結：{href}',
    dropHint: '拖入網站資料夾、其中的 _i18n 資料夾或 .md 檔案',
    noPosts: '那裡沒有 .md 檔案。',
  },
};

/** The languages the page speaks, in the site's order. */
export const UI_LANGUAGES = Object.keys(STRINGS);

/** The table for `lang`: exact, else by its first subtag (zh-TW → zh-Hant), else English. */
export function pick(lang) {
  if (lang && STRINGS[lang]) return lang;
  const base = (lang ?? '').split('-')[0];
  if (base === 'zh') return /^zh-(Hant|TW|HK|MO)/i.test(lang) ? 'zh-Hant' : 'zh-Hans';
  return STRINGS[base] ? base : 'en';
}

/** `t(key, { name: value })`: the string for `key` in `lang`, with `{name}` filled in. */
export function translator(lang) {
  const table = STRINGS[pick(lang)];
  return (key, values = {}) =>
    (table[key] ?? STRINGS.en[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

/** A language's name in itself (ja → 日本語), for any code; the code if the browser has none. */
export function autonym(code) {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Writes the strings into every [data-i18n] (text), [data-i18n-title] (title) element. */
export function translatePage(root, t) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
}
