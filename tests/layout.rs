//! The code's house rules, read from `src/`: `ui` never reaches the page by itself (no `host`
//! import, no `Closure::`), no function is over 80 lines, and no two source files import each
//! other, directly or in a circle.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const LONGEST_FUNCTION: usize = 80;

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every source file with its text, by path relative to the crate (`src/ui/state.rs`).
fn files() -> BTreeMap<String, String> {
    let mut paths = Vec::new();
    sources(Path::new("src"), &mut paths);
    paths
        .into_iter()
        .map(|p| {
            (
                p.to_string_lossy().replace('\\', "/"),
                fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

/// The code of a line: string and char literals emptied, a line comment cut.
fn code(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => drop(chars.next()),
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '\'' => {
                // A char literal ('{', '\n'); a lifetime has no closing quote soon after.
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with('\\') || rest.chars().nth(1) == Some('\'') {
                    while let Some(c) = chars.next() {
                        match c {
                            '\\' => drop(chars.next()),
                            '\'' => break,
                            _ => {}
                        }
                    }
                }
            }
            '/' if chars.peek() == Some(&'/') => break,
            c => out.push(c),
        }
    }
    out
}

/// (name, lines) of every function with a body.
fn functions(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<String> = text.lines().map(code).collect();
    let mut found = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let Some(at) = words.iter().position(|w| *w == "fn") else {
            continue;
        };
        let before_fn = &words[..at];
        if !before_fn
            .iter()
            .all(|w| w.starts_with("pub") || matches!(*w, "async" | "const" | "unsafe"))
        {
            continue;
        }
        let name = words
            .get(at + 1)
            .map_or("", |w| w.split(['(', '<']).next().unwrap());
        let mut depth = 0i32;
        let mut opened = false;
        for (end, line) in lines.iter().enumerate().skip(start) {
            for c in line.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            if opened && depth == 0 {
                found.push((name.to_string(), end - start + 1));
                break;
            }
            if !opened && line.trim_end().ends_with(';') {
                break;
            }
            assert!(
                end + 1 < lines.len(),
                "fn {name} never closes: the rule cannot read it"
            );
        }
    }
    found
}

/// The module a file is (`ui::state`; `ui` for `ui/mod.rs`).
fn module_of(path: &str) -> String {
    let path = path.trim_start_matches("src/").trim_end_matches(".rs");
    let path = path.trim_end_matches("/mod").trim_end_matches("lib");
    path.replace('/', "::")
}

/// The source files a file imports from (`crate::`, `super::` and `self::` paths), by module.
fn imports(module: &str, text: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap();
    let mut found = BTreeSet::new();
    let code: String = text.lines().map(code).collect::<Vec<_>>().join("\n");
    // `use child::…` and `pub use child::…`: a path relative to this module.
    for line in code.lines() {
        let line = line.trim_start().trim_start_matches("pub ");
        if let Some(path) = line.strip_prefix("use ") {
            let first = path.split("::").next().unwrap_or_default();
            let child = match module {
                "" => first.to_string(),
                m => format!("{m}::{first}"),
            };
            if modules.contains(&child) {
                found.insert(child);
            }
        }
    }
    let mut rest = code.as_str();
    while let Some(at) = ["crate::", "super::", "self::"]
        .iter()
        .filter_map(|p| rest.find(p))
        .min()
    {
        let word_start =
            at == 0 || !rest[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
        let path: String = rest[at..]
            .chars()
            .take_while(|c| {
                c.is_alphanumeric() || *c == '_' || *c == ':' || *c == '{' || *c == ' ' || *c == ','
            })
            .collect();
        rest = &rest[at + 1..];
        if !word_start {
            continue;
        }
        let mut base: Vec<&str> = match module {
            "" => vec![],
            m => m.split("::").collect(),
        };
        let mut parts = path.split("::").map(str::trim).peekable();
        match parts.next() {
            Some("crate") => base.clear(),
            Some("super") => {
                base.pop();
                while parts.peek() == Some(&"super") {
                    parts.next();
                    base.pop();
                }
            }
            _ => {}
        }
        let mut names: Vec<Vec<&str>> = vec![vec![]];
        for part in parts {
            if let Some(group) = part.strip_prefix('{') {
                let prefix = names[0].clone();
                names = group
                    .split(',')
                    .map(|n| [prefix.clone(), vec![n.trim()]].concat())
                    .collect();
                break;
            }
            names[0].push(part);
        }
        for tail in names {
            let mut path: Vec<&str> = base.clone();
            let mut deepest = None;
            for name in std::iter::once(None).chain(tail.iter().map(Some)) {
                if let Some(name) = name {
                    path.push(name);
                }
                let candidate = path.join("::");
                if modules.contains(&candidate) {
                    deepest = Some(candidate);
                }
            }
            if let Some(target) = deepest.filter(|t| t != module) {
                found.insert(target);
            }
        }
    }
    found
}

/// Where a file of `ui` imports `host` or makes a `Closure` (line numbers from 1).
fn ui_rule_breaks(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in text.lines().map(code).enumerate() {
        let squeezed: String = line.split_whitespace().collect();
        // `crate::host`, `super::super::host`, or `host` in a `use crate::{…}` group.
        let imports_host = squeezed.contains("host::")
            || (squeezed.starts_with("use") || squeezed.starts_with("pubuse"))
                && squeezed
                    .split(['{', ',', '}', ';'])
                    .any(|item| item == "host" || item.ends_with("::host"));
        if imports_host {
            found.push(format!("{}: imports host", n + 1));
        }
        if squeezed.contains("Closure::") {
            found.push(format!("{}: a Closure", n + 1));
        }
    }
    found
}

#[test]
fn ui_never_imports_host_nor_makes_a_closure() {
    for (path, text) in files().iter().filter(|(p, _)| p.starts_with("src/ui/")) {
        assert_eq!(ui_rule_breaks(text), Vec::<String>::new(), "{path}");
    }
}

#[test]
fn no_function_is_over_80_lines() {
    let long: Vec<String> = files()
        .iter()
        .flat_map(|(path, text)| {
            functions(text)
                .into_iter()
                .filter(|(_, lines)| *lines > LONGEST_FUNCTION)
                .map(move |(name, lines)| format!("{path}: {name} ({lines} lines)"))
        })
        .collect();
    assert!(long.is_empty(), "{long:#?}");
}

#[test]
fn no_source_files_import_each_other() {
    let files = files();
    let library: BTreeMap<String, &String> = files
        .iter()
        .filter(|(p, _)| !p.starts_with("src/bin/") && p.as_str() != "src/main.rs")
        .map(|(p, t)| (module_of(p), t))
        .collect();
    let modules: BTreeSet<String> = library.keys().cloned().collect();
    let edges: BTreeMap<&String, BTreeSet<String>> = library
        .iter()
        .map(|(m, text)| (m, imports(m, text, &modules)))
        .collect();
    // A file reaches itself through its imports: a cycle.
    for start in &modules {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<(String, Vec<String>)> = edges[start]
            .iter()
            .map(|m| (m.clone(), vec![start.clone(), m.clone()]))
            .collect();
        while let Some((module, trail)) = todo.pop() {
            assert!(&module != start, "an import cycle: {}", trail.join(" -> "));
            if seen.insert(module.clone()) {
                for next in &edges[&module] {
                    let mut trail = trail.clone();
                    trail.push(next.clone());
                    todo.push((next.clone(), trail));
                }
            }
        }
    }
}

#[test]
fn the_rules_see_what_they_look_for() {
    let long = format!("fn long() {{\n{}}}\n", "    let _ = '{';\n".repeat(81));
    assert_eq!(functions(&long), vec![("long".to_string(), 83)]);
    let modules: BTreeSet<String> = ["ui", "ui::state", "ui::archive", "host"]
        .map(String::from)
        .into();
    let found = imports(
        "ui::archive",
        "use super::state::{ViewerState, Host};\nuse crate::host;\n// use crate::ui::archive;",
        &modules,
    );
    assert_eq!(found, ["host", "ui::state"].map(String::from).into());
    let found = imports(
        "ui",
        "pub mod state;\npub use state::ViewerState;",
        &modules,
    );
    assert_eq!(found, ["ui::state"].map(String::from).into());
    let ui = "use crate::{data, host};\nuse super::super::host::mount;\nlet c = Closure::new(f);\nlet h = state.host.page;";
    assert_eq!(
        ui_rule_breaks(ui),
        ["1: imports host", "2: imports host", "3: a Closure"].map(String::from)
    );
}
