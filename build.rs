//! Minifies the viewer's stylesheet for the bundle (`src/mount.rs` includes the result): comments
//! and needless white space go, strings stay as written. Plain CSS needs nothing more.

use std::{env, fs, path::Path};

fn main() {
    let source = "style/viewer.css";
    println!("cargo::rerun-if-changed={source}");
    let css = fs::read_to_string(source).expect("style/viewer.css is readable");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("viewer.min.css");
    fs::write(out, minify(&css)).expect("OUT_DIR is writable");
}

fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            '"' | '\'' => {
                push_pending_space(&mut out, &mut space, c);
                out.push(c);
                while let Some(s) = chars.next() {
                    out.push(s);
                    if s == '\\' {
                        out.extend(chars.next());
                    } else if s == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            c => {
                push_pending_space(&mut out, &mut space, c);
                out.push(c);
            }
        }
    }
    out
}

/// White space is kept only where it separates two things: not at the start, and not next to
/// `{`, `}`, `;` or `,`. Around `:` and `>` it is kept, since `a :hover` differs from `a:hover`.
fn push_pending_space(out: &mut String, space: &mut bool, next: char) {
    if std::mem::take(space)
        && !matches!(out.chars().last(), None | Some('{' | '}' | ';' | ','))
        && !matches!(next, '{' | '}' | ';' | ',')
    {
        out.push(' ');
    }
}
