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
# Each case is "lang \x02 code \x02 html", cases separated by \x01. Codes with Liquid markup are
# left out (the test renders each through `{% highlight %}`).

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
  "c" => ["int", "void", "static", "x", "main", "foo_1", " ", "\n", "\t", "(", ")", "{", "}", ";", ",", "*",
          "//c\n", "/*", "*/", "#", "#if 0\n", "#endif\n", "#else", "#include <a.h>", "#include \"b.h\"",
          "#define X 1", "\\\n", "\\", '"', "'", "'a'", "'\\n'", "L'x'", "u8\"", "\\x41", "\\101", "1",
          "0x1Fu", "017", "1.5e3", ".5e-2", "10UL", "1.", "case", "default:", "lbl:", ":", "::", "?", "NULL",
          "true", "size_t", "__inline", "=", "==", "->", "<", ">", "[", "]", ".", "é", "$"],
  "cpp" => ["class", "struct", "template", "typename", "<", ">", "int", "bool", "auto", "x", "Foo", " ", "\n",
            "(", ")", "{", "}", ";", ",", "*", "&", "::", "<=>", "...", "//c\n", "/*", "*/", "#", "#if 0\n",
            "#endif\n", "#include <a>", '"', "'", "'a'", "R\"(", ")\"", "R\"x(", ")x\"", "u8R\"", "1'000",
            "0x1'F", "0b1'0", "017", "1.5", ".5", "1e3", "10ms", "1.5s", "2if", "nullptr", "__outer", "case",
            "public:", ":", "?", "=", "\\", "é", "$", "1", "co_await", "operator"],
  "java" => ["public ", "static ", "void ", "int ", "String", "List<String> ", "Map.Entry[] ", "foo", "main",
             "(", ")", "{", "}", ";", " ", "\n", "\t", "// c\n", "/* a */", "/*", "*/", "/** doc */",
             "@Override", "@", "class ", "interface ", "import ", "package ", "java.util.*", "a.b", ".x",
             "this.", "new ", "return ", "throw new X(", "\"s\"", "\"a\\\"b\"", "\"\\\\\"", "\"", "'a'",
             "'\\n'", "'\\u00e9'", "'''", "'", "\\", "label:", "MAX_VALUE", "Foo", "FOO1", "Foo_bar", "$x",
             "é", "1", "1_000", "1__0_", "0b1_0", "0x1F", "017", "1.5", "1.5e10f", "2.0d", "10L", "=", "<",
             ">", "?", ":", "::", "->", "true", "null", "var ", "extends ", "final ", ",", "[", "]"],
  "typescript" => ["var", "let", "function", "class", "if", "return", "case", "default", "true", "Math", "$x",
                   "é", "a", " ", "\n", "//c", "/*", "*/", "/", "[", "]", "(", ")", "{", "}", "?", "?.", "??",
                   "??=", ":", ";", ",", ".", "`", "${", "\\", '"', "'", "1", "1.5", "0x1F", "+", "=", "===",
                   "!", "&&", "@dec", "x:", "x?:", "x ?: ", "interface", "type", "static", "public",
                   "readonly", "string", "number", "keyof", "Partial", "Record", "abstract", "is",
                   "namespace", "declare", "<T>", "=>", "implements", "private"],
  "rust" => ["fn ", "main", "let ", "mut ", "x", "é", "Vec", "String", "Some", "self", "Self", "(", ")", "{",
             "}", "[", "]", ";", ",", ":", "::", " ", "\n", "\t", "// c\n", "/// d\n", "//! i\n", "//// n\n",
             "/*", "*/", "/**", "/*!", "/**/", "/***/", "/****", "#[derive(Debug)]", "#![allow(x = \"y\")]",
             "#", "# hidden\n", "\"", "\"s\\n\\x41\\u{1F600}\\q\"", "b\"b\"", "r\"raw\"", "r#\"a\"b\"#",
             "br##\"", "\"##", "'a'", "'\\n'", "b'x'", "'\\u{1_F}'", "'a", "'static", "1", "1_000u32",
             "0x1F_i64", "0b1010", "0o17usize", "1.5", "1e10", "2.5E-3f32", "1f64", "1.", "1..2", "1.foo",
             "..=", "...", "=>", "->", "<->", "+", "=", "&", "!", "?", "println!", "vec![1, 2]",
             "macro_rules! m { ($x:expr) => {} }", "$x", "$", ".await", ". len()", ".0", ".field", "x.y",
             "true", "false", "'", "\\", "Option<T>", "impl", "where"],
  "csharp" => ["class ", "struct ", "interface ", "namespace ", "using ", "System.Linq", "public ", "static ",
               "void ", "int ", "string ", "var ", "Main", "Foo", "x", "@class", "é", "\u212A", "(", ")", "{",
               "}", "[", "]", ";", ",", ".", " ", "\n", "\t", "// c\n", "/* a */", "/*", "*/", "#region R\n",
               "#if DEBUG\n", "#endif\n", "#ifdef\n", "#", "  #pragma x\n", "\"s\"", "\"a\\\"b\"", "\"\\\\\"",
               "\"", "\\", "\\\"", "@\"v\"\"q\"\"\"", "@\"", "\"\"", "$\"{x} \\{ y\"", "$@\"{a}\"\"\"",
               "$ \"", "$", "@", "'a'", "'\\n'", "'", "0x1Fu", "0XaL", "123", "1.5", "1.e+3f", "2e5", "1E-3d",
               "<[", "<[ x:", "]>", "=>", "?", ":", "<", ">", "=", "await", "async", "get", "set", "value",
               "null", "true", "select", "from"],
  "ocaml" => ["let ", "rec ", "in ", "match ", "with ", "fun ", "x", "x'", "_", "Some", "List.map", "M . N.x",
              "M.(", "M.[", "M.{", "M .\n y", "`Tag", "`", "(", ")", "()", "[]", "[", "]", "{", "}", ";",
              ";;", " ", "\n", "(* c *)", "(* (* n *) *)", "(*)", "(*", "*)", "\"s\\n\\065\\x41\\q\"",
              "\"\\\n\"", "\"", "'a'", "'\\n'", "'\\065'", "'\\x41'", "'.'", "' '", "'\\ '", "'", "1",
              "1_000", "0x1F", "0o17", "0b101", "1.5", "1.5e3", "1e5", "1xe5", "1ee5", "2E-3", "-1", "->",
              "|>", ":=", "::", "~x", "?y", "and", "mod", "lor", "int", "string", "true", "false", "truex",
              "é", "\u212A"],
  "lua" => ["local ", "function ", "f", "M.f", "M.", "x", "_G", "print", "string.format", "string.gsub",
            "gsub", "s:gsub", "gsub(\"%a[^x]\\\\d(?:y){2,3}.?\", \"\")$", "(", ")", "{", "}", "[", "]",
            "[[long]]", "[==[", "]==]", "]]", "--c\n", "--[[ c ]]", "--[=[", "]=]", " ", "\n", "\t", "'s'",
            "'a\\tb'", "'\\t'", "'\\065'", "'\\q'", "\"d\"", "\"", "'", "\\", "1", "1.5", ".5", "1.", "1e5",
            "1.5E-3", "0x1F", "0x", "==", "~=", "..", "...", "#", "=", "and", "or", "not", "nil", "true",
            "if", "then", "elseif", "end", "return", "é", "#!/usr/bin/lua\n", ":", ";", ","],
  "r" => ["x", "x.y", ".x", "..", ".", "._a", "my_var2", "é", "function", "if", "else", "NULL", "NA_integer_",
          "TRUE", "pi", "T", "letters", "c(", "c", "is.na(", "is.na", "sum (", "length(", "(", ")", "[", "]",
          "[[", "{", "}", ";", ",", " ", "\n", "\t", "# c\n", "#' doc\n", "`odd name`", "`", "'s'", "'a\\'b'",
          "\"d\\n\"", "\"", "'", "\\", "\\'", "%in%", "%%", "%", "<-", "->", "<<-", "==", "!", "~", "$", "@",
          ":", "::", "|>", "1", "-1", "+2.5", ".5", "1e3", "1.5E-2L", "2i", "0x1F", "0XaP3L", "1.", "+", "-"],
  "clojure" => ["(", ")", "[", "]", "{", "}", "( ", "(defn ", "(map ", "(foo ", "(->", "(.", "defn", "map",
                "foo-bar?", "x", "é", " ", "\n", "\t", ",", "; c\n", "\"s\"", "\"a\\\"b\"", "\"\\\\\"", "\"",
                "\\", "\\a", "\\newline", "'sym", "'", ":kw", "::ns/kw", "::", ":", ":#x", "#", '#{', "#(",
                "^", "~", "~@", "@", "`", "&", "1", "-1", "1.5", "-2.5", "0x1F", "-", "+", "nil?", "true",
                "if", "let"],
  "erlang" => ["-module(m).\n", "-define(X, 1).\n", "-define (Y", "-record(r, {a}).\n", "-export([f/1]).\n",
               "-", "f(", "f (", "io:format", "lists:map(", "'q a'(", "'a\\'", "'''", "'", "case ", "of ",
               "end", "when", "receive", "after", "fun", "abs(", "length", "andalso", "div", "X", "_", "_X",
               "Var1", "x", "é", " ", "\n", "\t", "% c\n", "%", "\"s~p~n~10.2f~\"", "\"\\n\\101\\^A\\q\"",
               "\"", "~", "<<", ">>", "<-", "=:=", "=/=", "/=", "=<", ">=", "==", "=", "++", "--", "!", "?",
               "?MODULE", "1", "-1", "+2", "16#ff", "2#101", "36#z", "37#1", "1.5", "$a", "$\\n", "$\\ ",
               "$\\", "$", "#rec", "#rec.field", "#r:.f", "[", "]", "{", "}", "(", ")", "|", ";", ",", ".",
               ":", "@"],
  "haskell" => ["module ", "Main", "Data.List", " (", "(", ")", " where", "import ", "qualified ", "Data.Map",
                " as M", " hiding (", "foo", "Foo", "x'", "'A", "_", "_x", "case", "of", "let", "in", "data",
                "where", "do", " ", "\n", "\t", "-- c\n", "-- | doc\n", "--> ", "---\n", "{- c -}",
                "{- {- n -} -}", "{-# LANGUAGE X #-}", "{-", "-}", "'a'", "'\\n'", "'\\''", "'\\x41'",
                "'\\SOH'", "'\\^A'", "'", "\"s\\n\\1234\\o17\\xFF\\DEL\\&\\   \\\"", "\"", "\\", "\\x ->",
                "\\\\", "1", "1.5", "1e10", "2.5E-3", "0o17", "0x1F", "::", "->", "<-", "=>", "=", "==",
                "<$>", ".", "$", "`elem`", "[", "]", "[]", "[ ]", "()", "( )", "[q|", "|]", "|", ",", ";",
                "{", "}", "é"],
  # rouge drops a Coq name at the very end of the code, which postview keeps: such cases differ.
  "coq" => ["Definition ", "Theorem ", "Proof", "Qed", "forall ", "fun ", "match ", "with ", "end", "x", "x'",
            "_x", "_", "nat", "Nat.add", "Coq.Init.Nat", ". ", ".", ".\n", "intros", "apply ", "reflexivity",
            "omega", "try ", "Module Type ", "Module ", "(* c *)", "(* (* n *) *)", "(*)", "(*", "*)", " ",
            "\n", "\t", "\"s\\\"q\\\\\"", "\"", "'a'", "'\\n'", "'\\065'", "'", "1", "-1", "1_000", "1.5e3",
            "-2e5", "1x5e3", ":=", "=>", "->", "/\\", "\\/", "|", ";", ":", "(", ")", "{", "}", "[", "]",
            "~x", "?y", "∀", "→", "é", "@", "%"],
}.freeze

lang, count, seed = ARGV
pieces = PIECES.fetch(lang) { abort "no pieces for #{lang.inspect}: one of #{PIECES.keys.join(', ')}" }
random = Random.new(Integer(seed || 1))
lexer = Rouge::Lexer.find(lang)
cases = Integer(count || 1000).times.filter_map do
  code = Array.new(random.rand(1..30)) { pieces[random.rand(pieces.size)] }.join.gsub(/\A\n+|\n+\z/, "")
  next if code.include?("{%") || code.include?("%}") || code.include?("{{")

  html = begin
    Rouge::Formatters::HTML.new.format(lexer.lex(code))
  rescue StandardError
    next # rouge itself fails on this one (Jekyll would stop)
  end
  [lang, code, html].join("\x02")
end
$stdout.write(cases.join("\x01"))
