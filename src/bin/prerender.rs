//! trunk's `post_build` hook: writes the standalone page's first view into the staged
//! `index.html` (see `news_viewer::prerender`), with its stylesheets inlined. Reads `articles.json` beside it, so the page holds
//! the data it is built with; the app still reads the file at run time, and that data wins.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from) else {
        eprintln!("prerender: run by trunk's post_build hook (TRUNK_STAGING_DIR is not set)");
        return ExitCode::from(2);
    };
    let (index, data) = (dir.join("index.html"), dir.join("articles.json"));
    // Only files beside the page or under it: a relative path without `..`.
    let read_beside = |href: &str| {
        let path = href.trim_start_matches("./");
        let inside = !path.contains("..") && !path.starts_with('/') && !path.contains(':');
        inside
            .then(|| std::fs::read_to_string(dir.join(path)).ok())
            .flatten()
    };
    let outcome = std::fs::read_to_string(&index)
        .and_then(|page| Ok((page, std::fs::read_to_string(&data)?)))
        .map_err(|e| e.to_string())
        .and_then(|(page, articles)| {
            news_viewer::prerender::prerender_page(&page, &articles, &read_beside)
        })
        .and_then(|page| news_viewer::prerender::inline_stylesheets(&page, read_beside))
        .and_then(|page| {
            std::fs::write(&index, &page).map_err(|e| e.to_string())?;
            Ok(page.len())
        });
    match outcome {
        Ok(bytes) => {
            println!(
                "prerender: first view written into {} ({bytes} bytes)",
                index.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("prerender: {}: {error}", index.display());
            ExitCode::FAILURE
        }
    }
}
