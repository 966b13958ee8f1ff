//! Minifies the JSON compiled into the crate (the built-in questionnaire and the language files):
//! the whitespace that makes them easy to edit would otherwise ship in every download. Built
//! without the `every-language` feature (the release module), it also leaves out the text of the
//! languages that ship apart ([`APART`]): their interface file is written empty, and their text
//! is taken out of the built-in questionnaires, except the title's, so that they are still
//! offered. `apart.txt` names them for the crate.

use std::path::Path;

#[allow(dead_code)]
#[path = "src/languages/split.rs"]
mod split;

/// The languages that ship apart from the release module (`ending-well language-pack TAG`).
const APART: [&str; 1] = ["es"];

/// The files, relative to the crate's root, written under the same names into `OUT_DIR`.
const FILES: [&str; 4] = [
    "questionnaires/ending-therapy.json",
    "questionnaires/ending-therapy-short.json",
    "locales/en.json",
    "locales/es.json",
];

fn main() {
    let Some(out) = std::env::var_os("OUT_DIR") else {
        fail("OUT_DIR is not set: run this through cargo");
    };
    println!("cargo:rerun-if-changed=src/languages/split.rs");
    let every = std::env::var_os("CARGO_FEATURE_EVERY_LANGUAGE").is_some();
    let apart: &[&str] = if every { &[] } else { &APART };
    for file in FILES {
        println!("cargo:rerun-if-changed={file}");
        let text = std::fs::read_to_string(file)
            .unwrap_or_else(|error| fail(&format!("cannot read {file}: {error}")));
        let path = Path::new(file);
        let language = path.file_stem().and_then(|stem| stem.to_str());
        let text =
            if file.starts_with("locales/") && language.is_some_and(|tag| apart.contains(&tag)) {
                "{}".to_owned()
            } else if file.starts_with("questionnaires/") && !apart.is_empty() {
                let mut value: serde_json::Value = serde_json::from_str(&text)
                    .unwrap_or_else(|error| fail(&format!("{file} is not JSON: {error}")));
                for tag in apart {
                    split::take_out(&mut value, tag);
                }
                value.to_string()
            } else {
                minify(&text)
            };
        let target = Path::new(&out).join(path.file_name().unwrap_or_default());
        write(&target, &text);
    }
    write(&Path::new(&out).join("apart.txt"), &apart.join(" "));
}

fn write(target: &Path, text: &str) {
    std::fs::write(target, text)
        .unwrap_or_else(|error| fail(&format!("cannot write {}: {error}", target.display())));
}

/// The JSON without the whitespace between its tokens; text inside strings is kept as it is.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_ascii_whitespace() {
            out.push(c);
        }
    }
    out
}

fn fail(message: &str) -> ! {
    eprintln!("build.rs: {message}");
    std::process::exit(1)
}
