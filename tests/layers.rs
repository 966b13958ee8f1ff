//! The layers of `src/`, lowest first, as CONTRIBUTING.md lists them: a file may use its own
//! layer and the layers below it, never one above. Read from the source itself, so a `use` that
//! reaches up fails here before anyone has to spot it in review.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first: each is a folder of `src/`.
const LAYERS: [&str; 8] = [
    "reading",
    "languages",
    "format",
    "answers",
    "reflection",
    "session",
    "view",
    "web",
];

fn layer_of(name: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| *layer == name)
}

/// Every `crate::<layer>` a source names, outside comments, with the line it is on.
fn layers_named(source: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let name: &str = rest
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .next()
                .unwrap_or_default();
            if let Some(layer) = layer_of(name) {
                found.push((number + 1, LAYERS[layer]));
            }
        }
    }
    found
}

/// The uses in `source`, a file of `layer`, that reach a layer above it.
fn upward_uses(layer: usize, source: &str) -> Vec<String> {
    layers_named(source)
        .into_iter()
        .filter(|(_, named)| layer_of(named).is_some_and(|named| named > layer))
        .map(|(line, named)| format!("line {line} uses {named}"))
        .collect()
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

#[test]
fn no_file_uses_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut checked = 0;
    let mut upward = Vec::new();
    for (layer, name) in LAYERS.iter().enumerate() {
        let folder = src.join(name);
        assert!(folder.is_dir(), "src/{name}/ is a layer's folder");
        for file in rust_files(&folder) {
            let source = fs::read_to_string(&file).unwrap();
            checked += 1;
            for found in upward_uses(layer, &source) {
                upward.push(format!("{}: {found}", file.display()));
            }
        }
    }
    println!("layers: {checked} files in {} layers checked", LAYERS.len());
    assert!(
        upward.is_empty(),
        "uses of a higher layer:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_check_sees_a_use_that_reaches_up_and_ignores_comments() {
    let format = layer_of("format").unwrap();
    let source = "use crate::reading::problem::Problem;\n\
                  // crate::session is only mentioned here\n\
                  use crate::session::Model;\n\
                  fn f() { crate::view::view(); }\n";
    assert_eq!(
        upward_uses(format, source),
        ["line 3 uses session", "line 4 uses view"]
    );
}
