//! The colouring's cost at a keystroke: `render_post` of a post whose body holds 200 lines of
//! code in one language (each lexer postview has for rouge), against the same post with the
//! code in a language without a lexer (written escaped, uncoloured). The target is a frame
//! (16 ms) for the whole render; the report gives the median of the timed rounds.
//!
//! `cargo bench --bench highlight`. Environment: `POSTVIEW_BENCH_ROUNDS` (default 50). Run
//! without `--bench` it does a few rounds, as a smoke test.

use postview::{render_post, Options};
use std::hint::black_box;
use std::time::Instant;

/// Ten lines of each language, repeated to 200 lines.
const SAMPLES: &[(&str, &str)] = &[
    ("ruby", "class Cache < Base\n  def fetch(key, ttl: 60)\n    @store[key] ||= yield(key) # fill\n    puts \"got #{key} in #{ttl}s\" if $DEBUG\n  end\nend\nlist = %w(a b c).map(&:upcase)\nre = /^(\\d+)-(\\w+)$/i =~ line\ntext = <<~EOS\n  body #{list}\nEOS\n"),
    ("python", "import os\nfrom typing import Dict\n\nclass Cache(dict):\n    def fetch(self, key: str, ttl=60):\n        \"\"\"Fill on a miss.\"\"\"\n        if key not in self:  # miss\n            self[key] = f\"{key!r:>10} {ttl * 2.5e3}\"\n        return self[key]\nprint(0x1F, 0b1010, r'\\d+')\n"),
    ("javascript", "const cache = new Map();\nfunction fetch(key, ttl = 60) {\n  // fill on a miss\n  if (!cache.has(key)) cache.set(key, `${key}: ${ttl * 2}`);\n  return cache.get(key);\n}\nconst re = /^(\\d+)-(\\w+)$/gi;\nlet obj = { name: 'x', size: 0x1f, nested: { a: [1, 2.5] } };\nexport default async () => await fetch('a');\nconsole.log(obj?.name ?? null);\n"),
    ("php", "<?php\nnamespace App;\nuse Foo\\Bar;\nclass Cache extends Base {\n  public function fetch(string $key, int $ttl = 60): ?string {\n    // fill on a miss\n    return $this->store[$key] ??= strtoupper(\"got {$key} in $ttl\");\n  }\n}\n$n = 0x1F + 1.5e3; echo 'done'; ?>\n"),
    ("jsx", "import React from 'react';\nexport function List({ items }) {\n  const n = items.length;\n  return (\n    <ul className=\"list\" data-n={n}>\n      {items.map(i => <li key={i.id}>{i.name} &amp; more</li>)}\n    </ul>\n  );\n}\nconst el = <Foo.Bar value={{ a: 1 }} />;\n"),
    ("graphql", "query Books($first: Int = 10) {\n  books(first: $first, filter: {tag: \"rust\"}) {\n    ...BookFields\n    author @include(if: true) { name }\n  }\n}\nfragment BookFields on Book { id title }\ntype Book implements Node { id: ID! tags: [String!] }\nunion Result = Book | Author\n# end\n"),
    ("markdown", "# Title\n\nSome *emphasis*, **strong** and `code`, a [link](http://x.com \"t\").\n\n- item one\n- item two\n\n> quoted\n[ref]: http://example.com\n<span>html</span> &amp; more\n"),
    ("shell", "#!/bin/bash\nset -euo pipefail\nfor f in *.md; do\n  if [ -f \"$f\" ]; then\n    wc -l \"$f\" | awk '{print $1}'\n  fi\ndone\nexport PATH=\"$HOME/bin:$PATH\"\ncount=$(( $(ls | wc -l) + 1 ))\necho \"${count:-0} files\" >&2\n"),
    ("json", "{\n  \"name\": \"postview\",\n  \"version\": \"1.2.3\",\n  \"private\": true,\n  \"files\": [\"pkg\", \"www\"],\n  \"size\": 1024,\n  \"ratio\": -0.5e3,\n  \"nested\": {\"a\": null, \"b\": [1, 2, 3]},\n  \"escaped\": \"tab\\there\"\n}\n"),
    ("go", "package main\n\nimport \"fmt\"\n\n// Sum adds.\nfunc Sum(xs []int) (total int) {\n\tfor _, x := range xs { total += x * 0x1F }\n\treturn total + len(xs)\n}\nvar r = 'a' + `raw`\n"),
    ("diff", "diff --git a/x b/x\nindex 1..2 100644\n--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@ fn\n unchanged\n-removed\n+added\n context\n context\n"),
    ("yaml", "title: My blog\nauthor: &me\n  name: Ada # owner\n  tags: [a, 'b c', \"d\"]\nposts:\n  - date: 2026-12-07\n    draft: false\n    body: |\n      text here\n    ratio: 1.5\n"),
    ("html", "<!DOCTYPE html>\n<html lang=\"en\">\n<head><style>p { color: #333; margin: 0 1em }</style></head>\n<body class='main'>\n  <!-- note -->\n  <p>Fish &amp; chips</p>\n  <img src=\"a.png\" alt=\"A\"/>\n  <script>var n = 1 < 2 ? 'y' : \"n\";</script>\n</body>\n</html>\n"),
    ("css", "/* frame */\nbody > main.wide #top a:hover {\n  margin: 0 auto -1.5em .25rem;\n  -moz-box-sizing: border-box;\n  font-family: \"Open Sans\", sans-serif;\n  width: calc(100% - 2px) !important;\n}\n@media (max-width: 600px) {\n  .side { display: none }\n}\n"),
    ("scss", "$accent: #2a7ae2;\n@mixin tile($size: 10px) { width: $size; }\n.card {\n  margin: 0 auto;\n  width: calc(100% - #{$gap});\n  &:hover > a { color: darken($accent, 10%); }\n  @include tile(2em);\n}\n@each $c in red, blue { .t-#{$c} { color: $c } }\n// end\n"),
    ("toml", "[package]\nname = \"postview\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\nlimit = 1_000 # max\nratio = 2.5e-3\nwhen = 2026-12-07T20:00:00Z\n"),
    ("make", "CC ?= gcc\nCFLAGS := -O2 -Wall\nSRCS = $(wildcard src/*.c)\nOBJS = $(patsubst %.c,%.o,$(SRCS))\n\nall: app\napp: $(OBJS)\n\t$(CC) $(CFLAGS) -o $@ $^\n%.o: %.c\n\t@echo \"cc $<\" && $(CC) -c $< -o $@\n"),
    ("sql", "-- posts by tag\nSELECT p.id, p.title, COUNT(*) AS n\n  FROM posts p\n  JOIN tags t ON t.post_id = p.id\n WHERE t.name = 'rust' AND p.draft = 0\n GROUP BY p.id, p.title\n ORDER BY n DESC\n LIMIT 10;\n/* done */\nINSERT INTO log VALUES (1, 'it''s');\n"),
    ("c", "#include <stdio.h>\n/* sum */\nstatic int sum(const int *xs, size_t n) {\n  int total = 0;\n  for (size_t i = 0; i < n; i++) total += xs[i] * 0x1F;\n  return total;\n}\nint main(void) { printf(\"%d\\n\", sum(NULL, 0)); }\n#define MAX(a, b) ((a) > (b) ? (a) : (b))\nchar c = 'a';\n"),
    ("cpp", "#include <vector>\ntemplate <typename T>\nclass Ring : public Base {\npublic:\n  explicit Ring(std::size_t n) : items_(n) {}\n  auto size() const noexcept { return items_.size(); }\nprivate:\n  std::vector<T> items_{1'000};\n};\nauto s = R\"(raw)\" + 10ms;\n"),
    ("java", "package a.b;\nimport java.util.*;\n\n@Override\npublic final class Ring<T> implements Iterable<T> {\n  private static final int MAX = 1_000;\n  public Iterator<T> iterator() { return items.iterator(); }\n  String s = \"tab\\t\" + 'c' + 0x1F;\n}\n// end\n"),
    ("typescript", "interface Options { readonly size?: number; name: string }\ntype Keys = keyof Options;\nexport abstract class Buffer<T> {\n  private static count = 0;\n  abstract get(i: number): T | undefined;\n}\nconst n = items?.length ?? 0;\nlet p: Partial<Record<string, number>> = {};\nconst re = /^a[b-c]*$/i;\nconsole.log(`${n} items`);\n"),
    ("rust", "use std::collections::HashMap;\n/// One entry.\n#[derive(Debug)]\npub struct Entry<'a> { name: &'a str }\nimpl<'a> Entry<'a> {\n    pub fn new(name: &'static str) -> Option<Self> {\n        let raw = r#\"a\"#; let n = 1_000u32 + 0x1F;\n        println!(\"{} {}\", n, raw); Some(Self { name })\n    }\n}\n"),
    ("csharp", "using System.Linq;\nnamespace Example\n{\n    public sealed class Ring<T>\n    {\n        public int Count => items.Count; // how many\n        public async Task<string> DescribeAsync(int limit = 0x1F)\n        { var s = $\"{limit} items\"; return @\"C:\\temp\"; }\n    }\n}\n"),
    ("ocaml", "(* A ring *)\nmodule Ring = struct\n  type 'a t = { items : 'a array; mutable size : int }\n  let rec fold f acc = function\n    | [] -> acc\n    | x :: rest -> fold f (f acc x) rest\n  let describe r = Printf.sprintf \"%d\\n\" r.size\n  let c = '\\n'\n  let f = 1.5e3\nend\n"),
    ("lua", "-- A ring\nlocal Ring = {}\nfunction Ring.new(size)\n  local self = setmetatable({ items = {}, size = size or 0x10 }, Ring)\n  return self\nend\nlocal function describe(r)\n  print(string.format(\"%d items\\n\", #r.items), 'tab\\t')\nend\nlocal s = [[long]]\n"),
    ("r", "# A ring\ndescribe <- function(r, n = NULL) {\n  n <- length(r$items) + 1.5e3\n  if (is.na(n) || n %in% c(1, 2)) {\n    return(list(count = n, label = 'one'))\n  }\n  cat(\"done\\n\")\n}\nx <- TRUE & NA\ny <- pi\n"),
    ("clojure", "(ns example.ring\n  (:require [clojure.string :as str]))\n; A ring\n(defn describe\n  \"Says how many.\"\n  [{:keys [items]}]\n  (let [n (count items)]\n    (if (zero? n) ::empty (str/join \", \" (map inc items)))))\n(def x 1.5)\n(println 'sym \\a)\n"),
    ("erlang", "-module(ring).\n-export([new/1]).\n%% A ring\nnew(Size) when is_integer(Size) ->\n    #state{size = Size}.\ndescribe(#state{items = Items}) ->\n    N = length(Items) + 16#FF,\n    io:format(\"~p items~n\", [N]).\nx() -> $a.\ny() -> 'atom'.\n"),
    ("haskell", "{-# LANGUAGE QuasiQuotes #-}\nmodule Data.Ring (Ring(..)) where\nimport qualified Data.Map as M\n-- | A ring.\ndata Ring a = Ring { items :: [a], size :: Int }\ndescribe :: Show a => Ring a -> String\ndescribe r = case size r of\n  0 -> \"empty\\n\"\n  n -> show (fromIntegral n * 1.5e3 :: Double)\nxs = map (\\c -> c) ['a', '\\n']\n"),
    ("coq", "(* Addition *)\nRequire Import Coq.Arith.PeanoNat.\nTheorem add_comm : forall n m : nat, n + m = m + n.\nProof.\n  intros n m. induction n as [| n' IH].\n  - simpl. rewrite Nat.add_0_r. reflexivity.\n  - simpl. rewrite IH. reflexivity.\nQed.\nDefinition twice (f : nat -> nat) := fun x => f (f x).\nCheck 1_000.\n"),
    ("kotlin", "package shop\nimport kotlin.math.*\n/* A cart */\ndata class Cart<out T : Item>(val owner: String) {\n    private val items = mutableListOf<T>()\n    fun total(): Double = items.sumOf { it.price } * 1.5e2\n    override fun toString() = \"Cart($owner) \\\"q\\\"\"\n}\n@JvmStatic fun main() { loop@ for (i in 0..10) if (i > 0x1F) break@loop }\nval (a, b) = Pair('x', 1_000L)\n"),
    ("swift", "import Foundation\n#if DEBUG\n/* A stack */\npublic struct Stack<Element> {\n    private(set) var items: [Element] = []\n    mutating func push(_ item: Element) { items.append(item) }\n    var description: String { return \"Stack(\\(items.count))\\n\" }\n}\n#endif\nlet (a, b) = (0x1F, 1_000.5e-3); print(#file, a as? Int ?? 0)\n"),
    ("scala", "package shop\nimport scala.collection.mutable._\n/* A cart */\ncase class Cart[T <: Item](owner: String) {\n  private val items = ListBuffer.empty[T]\n  def total: BigDecimal = items.map(_.price).sum\n  override def toString = s\"Cart($owner)\"\n}\nobject Main extends App { for (i <- 1 to 10) yield i * 2.5 }\nval sym = 'name; val c = 'a'\n"),
    ("powershell", "<#\n.SYNOPSIS\n    Copies the logs.\n#>\nparam([string] $Path = \"C:\\logs\", [int] $Days = 7)\nfunction Copy-Logs {\n    $files = Get-ChildItem -Path $Path | Where-Object { $_.Length -gt 1kb }\n    foreach ($f in $files) { Write-Host \"Copying $($f.Name)`n\" }\n    $table = @{ Name = 'x'; Count = 3 }\n}\n"),
    ("perl", "#!/usr/bin/perl\nmy %seen = (first => 1, 'two' => 2);\nmy @words = qw(alpha beta);\nsub count ($) { my ($line) = @_; return scalar(split /\\s+/, $line); }\n$line =~ s/(\\w+)/\\u$1/g if $line =~ m{^\\d+}x;\nprint \"total: $seen{first} ${name}\\n\" unless $x eq 'y';\nmy $n = 0x1F + 1_000 + .5e3 + $#words;\nprint <<\"END\";\nhi $name\nEND\n"),
    ("elixir", "defmodule Shop.Cart do\n  @moduledoc \"A cart.\"\n  import Enum, only: [map: 2]\n  # totals\n  def total(%{items: items}, opts \\\\ []) when is_list(items) do\n    items |> map(&(&1.price * 1.2)) |> Enum.sum()\n  end\n  defp label(name), do: \"item: #{String.upcase(name)}\\n\"\n  def codes, do: {?a, 0x1F, :ok, ~r/^\\d+$/i, ~w(a b)a}\nend\n"),
    ("julia", "#= A module =# module Shapes\nabstract type Shape end\nmutable struct Circle <: Shape\n    r::Float64\nend\nfunction area(c::Circle)::Float64\n    return π * c.r^2 # area\nend\nsquare(x) = x ≤ 0 ? zero(x) : \"$(x) and $x\\n\" * 'c'\nend\n"),
    ("cmake", "cmake_minimum_required(VERSION 3.20)\nproject(Lamp LANGUAGES CXX) # the project\nset(SOURCES src/a.cpp src/b.cpp)\nadd_library(lamp STATIC ${SOURCES})\ntarget_include_directories(lamp PUBLIC \"${CMAKE_CURRENT_SOURCE_DIR}/include\")\nif(NOT DEFINED ENV{HOME})\n  message(STATUS \"home: ${HOME}\\n\")\nendif()\n#[[ a bracket comment ]]\nmy_helper(lamp [=[ raw ]=])\n"),
    ("protobuf", "syntax = \"proto3\";\npackage shop.v1;\nimport \"google/protobuf/any.proto\";\n// A lamp\nmessage Lamp {\n  optional string name = 1 [default = \"x\"];\n  repeated int64 ids = 2; /* ids */\n  float weight = 3; double ratio = 1.5e3;\n}\nservice Shop { rpc Get(Lamp) returns (Lamp); }\n"),
    ("http", "POST /api/items?draft=true HTTP/1.1\nHost: example.org\nContent-Type: application/json; charset=utf-8\nAuthorization: Bearer abc.def\nAccept: */*\n\n{\"name\": \"lamp\", \"tags\": [\"a\", \"b\"], \"n\": 3,\n \"ok\": true, \"price\": 1.5e3, \"note\": null,\n \"list\": [1, 2, 3], \"nested\": {\"x\": \"y\\n\"},\n \"empty\": []}\n"),
];

fn post(lang: &str, sample: &str) -> String {
    format!(
        "---\ntitle: code\n---\nSome text.\n\n```{lang}\n{}```\n\nMore text.\n",
        sample.repeat(20)
    )
}

fn median_ms(source: &str, rounds: usize) -> f64 {
    let opts = Options::default();
    let mut times: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            black_box(render_post(black_box(source), &opts));
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let timed = std::env::args().any(|a| a == "--bench");
    let rounds = match timed {
        true => std::env::var("POSTVIEW_BENCH_ROUNDS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(50),
        false => 3,
    };
    println!("render_post of a post with 200 lines of code, median of {rounds} rounds:");
    for (lang, sample) in SAMPLES {
        let coloured = post(lang, sample);
        let plain = post("nosuchlang", sample);
        assert!(
            render_post(&coloured, &Options::default())
                .html
                .contains("<span class="),
            "{lang} should be coloured"
        );
        let (c, p) = (median_ms(&coloured, rounds), median_ms(&plain, rounds));
        println!(
            "  {lang:<10} {} bytes: coloured {c:.3} ms, uncoloured {p:.3} ms",
            coloured.len()
        );
    }
}
