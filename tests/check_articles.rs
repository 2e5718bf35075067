//! The publishers' checker, run as a command.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn check(file: &str) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_check-articles"))
        .arg(file)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn checker_accepts_the_bundled_articles() {
    let (status, out) = check("public/articles.json");
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("ok, 46 articles"), "{out}");
}

#[test]
fn checker_prints_each_problem_with_its_path_and_fails() {
    let (status, out) = check("tests/samples/invalid/javascript-url.json");
    assert_eq!(status, 1);
    assert!(
        out.contains("/articles/0/source/url: must be an http(s) URL"),
        "{out}"
    );
    let (status, out) = check("tests/samples/invalid/schema-2.json");
    assert_eq!(status, 1);
    assert!(out.contains("format version 2 is not supported"), "{out}");
}

#[test]
fn checker_reports_an_unreadable_file() {
    let (status, _) = check("tests/samples/does-not-exist.json");
    assert_eq!(status, 2);
}
