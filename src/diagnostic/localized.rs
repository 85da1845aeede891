//! What a problem is, in the page's other interface languages (Japanese, Korean, Simplified and
//! Traditional Chinese), for the codes an editor meets most: each code's `about` line of the table
//! of codes (`codes.rs`) said again, so that a problem list shown in Japanese says in Japanese what
//! is wrong. The diagnostic's own message (the post's paths and values, what to write) stays
//! beside it as written. A code without a line here is shown by its message alone.

use super::Code;

/// The interface languages of the table's columns, in order.
const LANGUAGES: [&str; 4] = ["ja", "ko", "zh-Hans", "zh-Hant"];

/// Each code's `about`, in `LANGUAGES` order.
const ABOUT: &[(Code, [&str; 4])] = &[
    (Code::LangMismatch, [
        "`lang:` が投稿の `_i18n/<lang>/` フォルダーの言語と違います。",
        "`lang:`이(가) 글이 있는 `_i18n/<lang>/` 폴더의 언어와 다릅니다.",
        "`lang:` 与文章所在 `_i18n/<lang>/` 文件夹的语言不同。",
        "`lang:` 與文章所在 `_i18n/<lang>/` 資料夾的語言不同。",
    ]),
    (Code::UnclosedHtml, [
        "HTML 要素が閉じられていないため、その後ろがすべてその中身になります。",
        "HTML 요소가 닫히지 않아 그 뒤의 모든 내용이 그 요소 안에 들어갑니다.",
        "某个 HTML 元素没有闭合，其后的全部内容都会成为它的内容。",
        "某個 HTML 元素沒有閉合，其後的全部內容都會成為它的內容。",
    ]),
    (Code::DeadLink, [
        "サイトが公開していないページ（投稿・ページ・ファイル、またはその中の `#アンカー`）へのリンクです。",
        "사이트가 게시하지 않는 페이지(글, 페이지, 파일 또는 그 안의 `#앵커`)로 가는 링크입니다.",
        "链接指向网站并未发布的页面（文章、页面、文件或其中的 `#锚点`）。",
        "連結指向網站並未發布的頁面（文章、頁面、檔案或其中的 `#錨點`）。",
    ]),
    (Code::MissingImage, [
        "投稿がサイトのルートから表示する画像が、サイトのファイルにありません。",
        "글이 사이트 루트에서 보여 주는 이미지가 사이트의 파일에 없습니다.",
        "文章从网站根目录显示的图片不在网站的文件中。",
        "文章從網站根目錄顯示的圖片不在網站的檔案中。",
    ]),
    (Code::RequiredField, [
        "投稿の Forestry テンプレートが必須とする項目がないか、空です。",
        "글의 Forestry 템플릿이 요구하는 필드가 없거나 비어 있습니다.",
        "文章的 Forestry 模板要求的字段缺失或为空。",
        "文章的 Forestry 範本要求的欄位缺少或為空。",
    ]),
    (Code::NotAChoice, [
        "テンプレートの選択項目の選択肢にない値です。",
        "템플릿 선택 필드의 선택지에 없는 값입니다.",
        "该值不是模板选择字段的选项之一。",
        "該值不是範本選擇欄位的選項之一。",
    ]),
    (Code::DateFormat, [
        "日付がテンプレートの日付項目の形式ではありません。",
        "날짜가 템플릿 날짜 필드의 형식이 아닙니다.",
        "日期不符合模板日期字段的格式。",
        "日期不符合範本日期欄位的格式。",
    ]),
    (Code::InvalidDate, [
        "投稿の `date:` が Ruby の `Time.parse` で読めない日付です。Jekyll はビルドを止めます。",
        "글의 `date:`가 Ruby의 `Time.parse`로 읽을 수 없는 날짜입니다. Jekyll은 빌드를 멈춥니다.",
        "文章的 `date:` 不是 Ruby 的 `Time.parse` 能读取的日期；Jekyll 会停止构建。",
        "文章的 `date:` 不是 Ruby 的 `Time.parse` 能讀取的日期；Jekyll 會停止建置。",
    ]),
    (Code::MissingTranslation, [
        "フロントマターに書かれた翻訳がサイトの投稿にありません。",
        "프런트 매터에 적힌 번역이 사이트의 글에 없습니다.",
        "前言中指定的译文不是网站中的文章。",
        "前置資料中指定的譯文不是網站中的文章。",
    ]),
    (Code::OneWayTranslation, [
        "翻訳の側がこの投稿を指し返していません。",
        "번역 쪽에서 이 글을 다시 가리키지 않습니다.",
        "译文没有反过来指向这篇文章。",
        "譯文沒有反過來指向這篇文章。",
    ]),
    (Code::UnclosedFrontMatter, [
        "1 行目の `---` で始まるフロントマターを閉じる `---` 行がありません。",
        "1행의 `---`로 시작한 프런트 매터를 닫는 `---` 줄이 없습니다.",
        "第 1 行的 `---` 开始的前言没有用 `---` 行结束。",
        "第 1 行的 `---` 開始的前置資料沒有用 `---` 行結束。",
    ]),
    (Code::NoFrontMatter, [
        "投稿が `---` のブロックで始まっていません。",
        "글이 `---` 블록으로 시작하지 않습니다.",
        "文章不是以 `---` 块开头。",
        "文章不是以 `---` 區塊開頭。",
    ]),
    (Code::EmptyPost, [
        "投稿のファイルが空です。",
        "글 파일이 비어 있습니다.",
        "文章文件是空的。",
        "文章檔案是空的。",
    ]),
    (Code::UnknownTag, [
        "Liquid にも Jekyll にもないタグです。プレビューは書かれたとおりに表示するか、何も出しません。",
        "Liquid에도 Jekyll에도 없는 태그입니다. 미리 보기는 쓴 그대로 보여 주거나 아무것도 내지 않습니다.",
        "Liquid 和 Jekyll 都没有定义的标签；预览按原样显示或不输出任何内容。",
        "Liquid 與 Jekyll 都沒有定義的標籤；預覽按原樣顯示或不輸出任何內容。",
    ]),
    (Code::MissingLayout, [
        "投稿の `layout:` が `_layouts/` のどのファイルも指していません。",
        "글의 `layout:`이 `_layouts/`의 어떤 파일도 가리키지 않습니다.",
        "文章的 `layout:` 没有对应 `_layouts/` 中的任何文件。",
        "文章的 `layout:` 沒有對應 `_layouts/` 中的任何檔案。",
    ]),
    (Code::YamlUnclosedQuote, [
        "引用符で囲んだ YAML の値がその行で閉じられていません。",
        "따옴표로 묶은 YAML 값이 그 줄에서 닫히지 않았습니다.",
        "加引号的 YAML 值没有在同一行内闭合。",
        "加引號的 YAML 值沒有在同一行內閉合。",
    ]),
];

/// What `code`'s problem is, in interface language `lang`; `None` for English (the message says
/// it) and for a code or language without a line here.
pub fn about_in(code: Code, lang: &str) -> Option<&'static str> {
    let column = LANGUAGES.iter().position(|l| *l == lang)?;
    ABOUT
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, texts)| texts[column])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_should_be_there_once_per_code() {
        let mut seen = std::collections::HashSet::new();
        for (code, texts) in ABOUT {
            assert!(
                seen.insert(code.as_str()),
                "{code:?} should have one row only"
            );
            assert!(
                texts.iter().all(|t| !t.trim().is_empty()),
                "{code:?} should be said in every language"
            );
        }
    }

    #[test]
    fn english_and_unknown_languages_keep_the_message() {
        assert_eq!(
            about_in(Code::DeadLink, "ja"),
            Some(
                ABOUT
                    .iter()
                    .find(|(c, _)| *c == Code::DeadLink)
                    .expect("a row")
                    .1[0]
            ),
            "Japanese should get its line"
        );
        assert_eq!(
            about_in(Code::DeadLink, "en"),
            None,
            "English should keep the message"
        );
        assert_eq!(
            about_in(Code::DeadLink, "de"),
            None,
            "a language without a column should keep the message"
        );
    }
}
