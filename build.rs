//! Minifies the JSON compiled into the crate (the built-in questionnaire and the language files):
//! the whitespace that makes them easy to edit would otherwise ship in every download.

use std::path::Path;

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
    for file in FILES {
        println!("cargo:rerun-if-changed={file}");
        let text = std::fs::read_to_string(file)
            .unwrap_or_else(|error| fail(&format!("cannot read {file}: {error}")));
        let name = Path::new(file).file_name().unwrap_or_default();
        let target = Path::new(&out).join(name);
        std::fs::write(&target, minify(&text))
            .unwrap_or_else(|error| fail(&format!("cannot write {}: {error}", target.display())));
    }
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
