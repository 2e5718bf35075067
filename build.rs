//! The build's stamp, `NV_BUILD`: a hash of the sources that render the viewer, the same for the
//! prerender (native) and the app (WebAssembly) built from them. A published page carries the
//! stamp of the build that rendered it, and an app of another build renders that page afresh
//! instead of hydrating markup it may not match (see `host::mount`).

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

fn main() {
    let mut files = vec![PathBuf::from("Cargo.lock")];
    sources(Path::new("src"), &mut files);
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in &files {
        file.hash(&mut hasher);
        std::fs::read(file).unwrap_or_default().hash(&mut hasher);
    }
    println!("cargo:rustc-env=NV_BUILD={:016x}", hasher.finish());
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        match path.is_dir() {
            true => sources(&path, out),
            false => out.push(path),
        }
    }
}
