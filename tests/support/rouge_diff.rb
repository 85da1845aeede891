#!/usr/bin/env ruby
# frozen_string_literal: true
#
# Makes random code for one of postview's lexers out of pieces that open and close its states,
# colours each with the real rouge (Debian's ruby-rouge 3.30, as Jekyll does), and writes the
# cases with rouge's HTML for `cargo test --test rouge_diff -- --ignored` to compare:
#
#   ruby tests/support/rouge_diff.rb LANG COUNT SEED > /tmp/cases.txt
#   ROUGE_DIFF=/tmp/cases.txt cargo test --test rouge_diff -- --ignored
#
# Each case is "lang \x02 code \x02 html", cases separated by \x01. The test renders each through
# `{% highlight %}` with the code in `{% raw %}`, so codes holding `endraw` are left out.

require "rouge"

PIECES = {
  "shell" => ["if", "fi", "do", "done", "case", "esac", "in", " ", "\n", "\t", "echo", "cd", "$", "$(",
              "$((", "${", "}", "(", ")", '"', "'", "`", "\\", "#", "x", "=", "-", "--v", ".", "*", ";",
              ";;", "|", "||", "&&", "<<", "<<-", "EOF", "<<<", "<", ">", "1", "16#f", "é", "$#", ":-",
              "$'", '$"'],
  "python" => ["def", "class", " ", "\n", "\t", "x", "é", "self", "len", "True", "in", "not", "import",
               "from", "a.b", "(", ")", ":", "[", "]", "{", "}", ".", ",", "#c\n", "\\", '"', "'", '"""',
               "'''", "f", "r", "b", "1", "0x1f", "0b1", "0o7", "1.5", "e", "j", "L", "**", "//", "=",
               "!=", "!", "@", "`", "\\n", "\\N{DASH}", "\\x4", "{{", "!r", ":\n\"\"\"d\"\"\"", "$"],
  "ruby" => ["def", "class", "module", "end", "if", "do", "nil", "nil?", "puts", "attr_reader", "self",
             "x", "Foo", "Foo::Bar", "foo!", "é", " ", "\n", "#c", "=begin", "\n=end", "__END__", "@a",
             "@@b", "$c", "$!", "::", ".", "..", ".each", "a:", " b: ", ":sym", ":+", ":[]=", "'", '"',
             "`", "\\", "#{", "}", "/", "/x/i", "%w(", "%q[", ")", "]", "%r{", "% a ", "<<EOF", "<<~E",
             "EOF", "  E", "?a", "?", "(", "[", "{", ",", ":", ";", "=", "==", "=~", "&&", "||", "**",
             "+", "-", "*", "%", "|", "<", ">", "0x1f", "017", "1_000", "1.5", "2e3"],
  "javascript" => ["var", "let", "function", "class", "if", "return", "case", "default", "true", "Math",
                   "$x", "é", "a", " ", "\n", "//c", "/*", "*/", "<!--", "#!sh\n", "/", "[", "]", "[^",
                   "(", ")", "(?:", "{", "}", "{2,3}", "?", "?.", "??", ":", ";", ",", ".", "`", "${",
                   "\\", '"', "'", "1", "1.5", "0x1F", "0b1_0", "+", "++", "=", "===", "!", "&&", "@dec",
                   "g", "x:"],
  "json" => ["{", "}", "[", "]", ",", ":", '"', "\\", '\\"', "a", "true", "null", "-", "0", "12", ".",
             "5", "e", "+", " ", "\n", "é"],
  "diff" => ["@@", "@", " ", "-", "+", "---", "+++", ">", "<", "!", "=", "diff", "Index", "a", "\n",
             "\t", "1", "*"],
  "console" => ["$ ", "$", "# ", "> ", ";", "...", "<...>", " ", "\n", "echo", '"', "x", "<<EOF", "EOF",
                "output", "é", "\\"],
  "go" => ["package", "func", "go", "int", "len", "nil", "x", "é", " ", "\n", "\t", "//c", "/*", "*/",
           '"', "`", "\\", "\\n", "\\u00e9", "'", "'a'", "0", "1", "0x1F", "1.5", ".5", "e3", "i", "+",
           "+=", "&^=", "<-", ":=", "...", ".", "/", "(", ")", "{", "}", ";", "$"],
  "ini" => ["[", "[sec]", "]", "key", "a.b-c", "=", " = ", " ", "\n", "\t", ";c", "#c", "\\", "\\\n",
            '"', "'", "x", "é", "1"],
  "yaml" => ["---", "...", "%YAML 1.2", "%TAG ! tag:x,2000:", "%TAG !e! !", "\n", " ", "  ", "\t", "- ",
             "-", "? ", ": ", ":", "key", "a b", "é", "#c", " #c", "[", "]", "{", "}", ",", "'", '"',
             "\\", "\\n", "\\x4f", "\\'", "''", "|", ">", "|-", ">+", "|2", "|-1", "2+", "!t", "!!str",
             "!<tag:x>", "&a", "*a", "&", "*", "true", "null", "nullx", "1", "1.5", "12 #c", "@",
             "`", "%", "x:y", ":x"],
  "css" => ["a", "div", ".c", "#i", ":hover", "::before", "@media", "@import", "@font-face", "{", "}", ";",
            ":", " ", "\n", "\t", "/*", "*/", "color", "-webkit-x", "margin", "foo", "red", "inherit",
            "url(", ")", "#fff", "#1234567", "1", "-2.5", ".5", "px", "em", "%", "ms", "s", "x", "!",
            "!important", " important", ",", ">", "+", "~", "[", "]", "=", '"', "'", "\\", "é", "-", "_",
            "@x", "\u00ad"],
  "html" => ["<", ">", "</", "/>", "<p", "<div", "</div>", "< / p >", "a", " ", "\n", "&amp;", "&", ";", "&x y;",
             "<!DOCTYPE html>", "<!doctype ", "<![CDATA[x]]>", "<!--", "-->", "-", "<?php ?>", "<?", "?>",
             "<script>", "<script type=\"x\">", "</script>", "< /script >", "<style>", "</style>", "x=", " = ",
             "\"", "'", "[a]", "(b)", "*", "#", ".", ":", "é", "·", "data-x", "var a = 1;", "`${", "/* c",
             "*/", "p { color: red }", "{", "}", "//"],
  "xml" => ["<", ">", "</", "/>", "<a", "<x:y", "</a>", "< / a >", "<-", "a", " ", "\n", "&amp;", "&", ";", "&x y;",
            "<!DOCTYPE x>", "<!ELEMENT", "<![CDATA[x]]>", "]]>", "<!--", "-->", "-", "<?xml ?>", "<?", "?>",
            "x=", " = ", "\"", "'", "é", "·", "_", ":", "b.c", "1"],
  "scss" => ["a", "div", ".c", "#i", "#{", "}", "{", ";", ":", "::", " ", "\n", "\t", "//c", "/*", "*/", "@import",
             "@for", "from", "to", "through", "@if", "@else", "@mixin x", "@function f", "@include m", "@extend",
             "@media", "@x", "&", "$v", "$v: ", "url(", ")", "(", "[", "]", "true", "not", "orx", "#fff",
             "10px", "-2", ".5em", "1.5", "%", "%p", "'", '"', "\\", "\\'", "#", "color", "margin", "red", "inherit",
             "rgb", "+", ",", ">", "é", "-"],
  "toml" => ["[", "]", "[a]", "[[b.c]]", "{", "}", "key", "a.b", "\"q k\"", "'l k'", "=", " = ", " ", "\n", "\t",
             "#c", "true", "false", "\"", "'", '"""', "'''", "\\", "\\n", "\\u", ",", "1", "-2", "+3", "1_000",
             "1.5", "1e3", "2.5E-2_0", "inf", "-nan", "0x1F", "0o7", "0b1", "2026-01-02T03:04:05Z", "x", "é"],
  "docker" => ["FROM", "from", "FROM x", " AS ", " as ", "AS", "ONBUILD ", "RUN ", "run ", "RUN", "ENV", "ENVX",
               "COPY", "ENTRYPOINT", "CMD [\"a\"]", "#c", " ", "  ", "\n", "\t", "\\", "\\\n", "echo", "$x", "\"",
               "'", "`", "$(", ")", "&&", "|", "x", "é", "=", "-", "1", "<<EOF", "EOF"],
  "make" => ["all", "x", ":", "::", " ", "\t", "\n", "\n\t", "\n\t@", "\n\t-", "#c", "#c\n", "include a", "-include",
             "ifdef X", "ifneq (a,b)", "else", "endif", "export", "export A B\n", "CC", "CC = gcc", "?=", ":=", "+=",
             "!=", "=", "$(CC)", "${X}", "$(", "${", "(", ")", "}", "$(shell ls", "$(filter-out a", "$(words x",
             "$@", "$<", "echo", "\\", "\\\n", "\"", "'", ",", "é", "a.o", "%.o", "|", ";"],
  "liquid" => ["{%", "{%-", "%}", "-%}", "{{", "{{-", "}}", "-}}", "{", "}", " ", "\n", "\t", "x", "<p>", "if", "elsif",
               "unless", "case", "when", "else", "endif", "endfor", "endx", "capture c", "increment i", "comment",
               "endcomment", "raw", "assign", "echo", "include", "render", "cycle", "'a'", "\"b\"", ":", "for",
               " in ", "tablerow", "reversed", "limit:2", "|", "| upcase", "==", "!=", "<", ">=", "and", "or",
               "contains", "true", "nil", "empty", "blank", "forloop.index", "forloop.x-", "first", "size",
               ".", "[", "]", "a.b", "-", "1", "2.5", ",", "=", "file.html", "with", "x?", "é", "%"],
  "erb" => ["<%", "<%=", "<%-", "<%#", "<%%", "%>", "-%>", "%%>", "%", "-", "<p>", "</p>", "<a href=\"", "\"", "'",
            " ", "\n", "x", "if x", "end", "do |i|", "@items.each", "\"s\"", "#{", "}", "# c", "<<EOF", "EOF", "/",
            "<script>", "var a = 1;", "</script>", "<!--", "-->", "&amp;", "é", "=begin", "=end"],
  "sql" => ["SELECT", "select", "from", "Where", "INT", "varchar", "x", "t1", "_a", " ", "\n", "\t", "--c", "/*", "*/",
            "/", "*", "'", "''", "\"", "\"\"", "`", "``", "\\", "\\'", "1", "2.5", "(", ")", ";", ",", ".", "=", "<>",
            "!=", "@v", "#", "é", "END-EXEC", "$1", "::"],
  "nginx" => ["server", "location", "include", "include a.conf", "{", "}", ";", " ", "\n", "\t", "#c", "on", "off", "one",
              "$uri", "$", "localhost:80", "a.b:8080", "text/html", "10", "10k", "10M", "1g2", "~", "~*", "^/a$",
              "/path", "/", "(", ")", "=", ":", "\\", "x", "é", "\"q\"", "'", "-"],
  "tex" => ["\\", "\\section", "\\[", "\\]", "\\(", "\\)", "$", "$$", "\\begin{x}", "\\end{", "}", "{", "\\verb|a|", "\\verb",
            "|", "\\verbx", "[opt]", "[", "]", "*", "%c", "&", "_", "^", " ", "\n", "\t", "x", "1", "+", "=", "-", "(", ")",
            "\\alpha", "\\\\", "\\ ", "é", "§", "\\verb§a§", "a b"],
  "vim" => ["set", "nocompatible", "let", "g:x", "s:y", "a:1", "if", "endif", "function!", "endfunction", "call", "echo",
            "\"", "\" c", "'", "/", "\\", "\\\\", "\\/", " ", "\n", "\t", "  \\", "1", "-2", "#ff00ff", "#abc", ":",
            "(", ")", "=", "==", "<CR>", "map", "nnoremap", "bold", "NONE", "x", "é", "a.b", "[", "]", "|", "%", "&"],
  "sass" => ["a", ".c", "#i", "#{", "}", ":", " ", "  ", "\n", "\n  ", "\t", "//c", "/*c", "@import", "a.sass", "@mixin m",
             "=m", "+m", "@include x", "@extend", "@if", "@for", "from", "&", "$v", "$v: ", "url(", ")", "(", "[", "]",
             "true", "10px", ".5em", "#fff", "'", "\"", "\\", "color", "margin: ", ":margin", "red", "%p", "+", ",",
             "é", "-", ";", "{"],
}.freeze

lang, count, seed = ARGV
pieces = PIECES.fetch(lang) { abort "no pieces for #{lang.inspect}: one of #{PIECES.keys.join(', ')}" }
random = Random.new(Integer(seed || 1))
lexer = Rouge::Lexer.find(lang)
cases = Integer(count || 1000).times.filter_map do
  code = Array.new(random.rand(1..30)) { pieces[random.rand(pieces.size)] }.join.gsub(/\A\n+|\n+\z/, "")
  next if code.include?("endraw") # the test wraps each code in `{% raw %}`

  html = begin
    Rouge::Formatters::HTML.new.format(lexer.lex(code))
  rescue StandardError
    next # rouge itself fails on this one (Jekyll would stop)
  end
  [lang, code, html].join("\x02")
end
$stdout.write(cases.join("\x01"))
