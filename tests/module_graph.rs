//! The import graph of `src/`: which top-level module names which (`crate::name` in any of its
//! files, or `name` inside a `use crate::{…}` list). No two top-level modules may reach each
//! other through any path: a circle means neither can be read, changed or tested without the
//! other. The crate root (`lib.rs`) re-exports the entry points and is not a module of the graph.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

/// The top-level modules: `src/x.rs` and `src/x/`.
fn modules(src: &Path) -> BTreeSet<String> {
    std::fs::read_dir(src)
        .expect("src/ should be readable")
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            match name.strip_suffix(".rs") {
                Some(stem) if stem != "lib" => Some(stem.to_owned()),
                Some(_) => None,
                None => e.path().is_dir().then_some(name),
            }
        })
        .collect()
}

/// Every `.rs` file under `dir`.
fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir)
        .expect("a folder of src/ should be readable")
        .flatten()
    {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The identifiers a text names right after `crate::`, and those listed in `crate::{…}`.
fn named_modules(text: &str) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        match rest.strip_prefix('{') {
            Some(list) => {
                let list = &list[..list.find('}').unwrap_or(list.len())];
                out.extend(list.split([',', ' ', '\n']).map(ident));
            }
            None => {
                out.insert(ident(rest));
            }
        }
    }
    out
}

fn graph(src: &Path) -> Graph {
    let modules = modules(src);
    let mut graph: Graph = modules
        .iter()
        .map(|m| (m.clone(), BTreeSet::new()))
        .collect();
    let mut all = Vec::new();
    files(src, &mut all);
    for path in all {
        let rel = path.strip_prefix(src).expect("under src/");
        let first = rel.iter().next().expect("a path").to_string_lossy();
        let from = first.strip_suffix(".rs").unwrap_or(&first).to_owned();
        if from == "lib" {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a source file should be UTF-8");
        for to in named_modules(&text) {
            if to != from && modules.contains(&to) {
                graph.get_mut(&from).expect("a module").insert(to);
            }
        }
    }
    graph
}

/// Every module `from` reaches through the graph.
fn reach(graph: &Graph, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from.to_owned()];
    while let Some(m) = stack.pop() {
        for next in &graph[&m] {
            if seen.insert(next.clone()) {
                stack.push(next.clone());
            }
        }
    }
    seen
}

#[test]
fn no_two_top_level_modules_should_reach_each_other() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = graph(&src);
    assert!(
        graph.len() > 10 && graph.values().any(|to| !to.is_empty()),
        "the graph should be read from src/: {graph:?}"
    );
    let mut circles = Vec::new();
    for from in graph.keys() {
        for to in reach(&graph, from) {
            if from < &to && reach(&graph, &to).contains(from) {
                circles.push(format!("{from} <-> {to}"));
            }
        }
    }
    assert!(
        circles.is_empty(),
        "no two top-level modules of src/ should import each other through any path; found: {}",
        circles.join(", ")
    );
}

#[test]
fn the_reader_should_see_a_circle_when_there_is_one() {
    let named = named_modules("use crate::{site, value::Map};\nlet x = crate::forestry::read();");
    assert!(
        ["site", "value", "forestry"]
            .iter()
            .all(|m| named.contains(*m)),
        "both `crate::{{…}}` lists and `crate::name` paths should count: {named:?}"
    );
    let mut g = Graph::new();
    g.insert("a".into(), ["b".to_owned()].into());
    g.insert("b".into(), ["c".to_owned()].into());
    g.insert("c".into(), ["a".to_owned()].into());
    assert!(
        reach(&g, "a").contains("a"),
        "a path a -> b -> c -> a should bring a back to itself"
    );
}
