//! trunk's `post_build` hook: publishes the bundled collection's pages into the staged site (see
//! `news_viewer::prerender`), with their stylesheets inlined. It keeps the page trunk built as
//! `template.html` (or uses the one a folder published before holds), which
//! `publish-articles --site` makes pages from later, and reads
//! `articles.json` beside it, so the pages hold the data they are built with; the app still
//! reads the file at run time, and that data wins.

use news_viewer::prerender::{
    include_fragments, publish_pages, read_beside, site_address, site_articles, write_page, Site,
    TEMPLATE,
};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from) else {
        eprintln!("prerender: run by trunk's post_build hook (TRUNK_STAGING_DIR is not set)");
        return ExitCode::from(2);
    };
    match publish(&dir) {
        Ok((pages, bytes)) => {
            println!(
                "prerender: {pages} pages written into {} ({bytes} bytes)",
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("prerender: {}: {error}", dir.display());
            ExitCode::FAILURE
        }
    }
}

fn publish(dir: &Path) -> Result<(usize, usize), String> {
    let read = |href: &str| read_beside(dir, href);
    // A folder published before holds its template: its `index.html` is then the root page.
    let template = std::fs::read_to_string(dir.join(TEMPLATE))
        .or_else(|_| std::fs::read_to_string(dir.join("index.html")))
        .map_err(|e| e.to_string())?;
    std::fs::write(dir.join(TEMPLATE), &template).map_err(|e| e.to_string())?;
    let data = std::fs::read_to_string(dir.join("articles.json")).map_err(|e| e.to_string())?;
    let doc: serde_json::Value = serde_json::from_str(&data).map_err(|e| e.to_string())?;
    let mut site = Site {
        template: &template,
        articles: site_articles(&doc, &read),
        doc,
        // The site's public address, for absolute links (canonical, hreflang, the sitemap).
        base_url: match std::env::var("NEWS_VIEWER_BASE_URL") {
            Ok(url) if !url.trim().is_empty() => Some(site_address(&url)?),
            _ => None,
        },
    };
    let mut bytes = 0;
    let pages = publish_pages(&mut site, &mut |name, page| {
        bytes += write_page(dir, name, page)?.0;
        Ok(())
    })?;
    // The demo page includes a fragment as a publisher's server would.
    let demo = dir.join("demo.html");
    if let Ok(page) = std::fs::read_to_string(&demo) {
        let page = include_fragments(&page, read)?;
        std::fs::write(&demo, page).map_err(|e| e.to_string())?;
    }
    Ok((pages, bytes))
}
