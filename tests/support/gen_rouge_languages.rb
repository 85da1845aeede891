#!/usr/bin/env ruby
# Writes src/markdown/rouge_languages.rs: the language names rouge (as Jekyll uses it) knows,
# tags and aliases, from the installed rouge gem.
#
#   ruby tests/support/gen_rouge_languages.rb > src/markdown/rouge_languages.rs
require "rouge"

names = Rouge::Lexer.all.flat_map { |l| [l.tag] + l.aliases }.uniq.sort
puts "//! The code languages rouge #{Rouge.version} knows (tags and aliases), generated from the"
puts "//! installed gem by `tests/support/gen_rouge_languages.rb` (do not edit by hand). A fenced"
puts "//! block in one of them gets rouge's wrapper; any other language a plain `<pre><code>`."
puts
puts "pub(super) const LANGUAGES: &[&str] = &["
names.each_slice(8) { |row| puts "    #{row.map(&:inspect).join(', ')}," }
puts "];"
