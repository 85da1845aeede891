#!/usr/bin/env ruby
# Writes src/markdown/span/entity_table.rs: the named character references kramdown knows
# (Kramdown::Utils::Entities, the HTML 4 set plus a few), from the installed kramdown.
#
#   ruby tests/support/gen_entities.rb > src/markdown/span/entity_table.rs
require "kramdown/utils/entities"

names = {}
Kramdown::Utils::Entities::ENTITY_TABLE.each do |code_point, data|
  next unless data.kind_of?(String)
  names[data] = code_point
end
puts "//! The named character references kramdown 2.4 knows, generated from its entity table by"
puts "//! `tests/support/gen_entities.rb` (do not edit by hand). Sorted by name for binary search."
puts
puts "pub(super) const ENTITIES: &[(&str, u32)] = &["
names.sort.each { |name, cp| puts "    (#{name.inspect}, #{cp})," }
puts "];"
