//! `ending-well`: checks questionnaire and settings files before clients see them, and prints a
//! JSON Schema of the questionnaire format for editors.
//!
//! ```text
//! ending-well check my-questionnaire.json
//! ending-well schema > questionnaire.schema.json
//! ```

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use ending_well::format::{catalog, pack, schema};
use ending_well::languages::interface;
use ending_well::languages::multilingual::{self, FileKind};
use ending_well::reading::json;
use ending_well::view::first_screen::first_screens;
use ending_well::{QuestionKind, Questionnaire};

/// Every file is fine.
const EXIT_OK: u8 = 0;
/// A file has problems.
const EXIT_PROBLEMS: u8 = 1;
/// The command was not understood, or a file could not be read.
const EXIT_USAGE: u8 = 2;

const USAGE: &str = "\
Ending Well: check a questionnaire or settings file before clients see it.

Usage:
  ending-well check FILE...   Check questionnaire files, and settings files (the JSON inside
                              <ending-well>, or the options of mount), and list every problem
                              in them. Use - as FILE to read from standard input.
  ending-well schema          Print a JSON Schema of the questionnaire format. Save it with
                              ending-well schema > questionnaire.schema.json and point your
                              editor at it to have files checked as you type.
  ending-well first-screen    Print the introduction's words in each built-in language, as
                              JSON: the build writes them into the loader, which shows the
                              introduction before the WebAssembly module has started.
  ending-well language-pack TAG
                              Print a built-in language's text (\"es\"): its interface and its
                              text in each built-in questionnaire, as JSON: for shipping it
                              apart from the module, so that a client who does not read it
                              does not download it.
  ending-well help            Show this help.

Each problem says where it is: sections[0].questions[4].hint is the \"hint\" of the fifth
question in the first section (counting starts at 0).

A file with text in several languages also gets, for each language, every text that has no
translation in it: those show in the file's own language instead. They are not problems: the
file works, and the exit status stays 0.

A settings file is checked with the questionnaire it names (its own, or the built-in one), and
also gets warnings: things that work but that a client would miss, such as no support contacts.
They are not problems either.

Exit status: 0 when every file is fine, 1 when a file has problems, 2 when a file cannot be
read or the command is not understood.
";

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let code = run(&args, &mut io::stdout().lock(), &mut io::stderr().lock());
    // Output that cannot be written (a closed pipe) has nobody left to tell.
    ExitCode::from(code.unwrap_or(EXIT_USAGE))
}

fn run(args: &[OsString], out: &mut impl Write, err: &mut impl Write) -> io::Result<u8> {
    let Some((command, rest)) = args.split_first() else {
        out.write_all(USAGE.as_bytes())?;
        return Ok(EXIT_OK);
    };
    match command.to_str() {
        Some("help" | "--help" | "-h") => {
            out.write_all(USAGE.as_bytes())?;
            Ok(EXIT_OK)
        }
        Some("--version" | "-V") => {
            writeln!(out, "ending-well {}", env!("CARGO_PKG_VERSION"))?;
            Ok(EXIT_OK)
        }
        Some("check") => check(rest, out, err),
        Some("schema") if rest.is_empty() => {
            writeln!(out, "{:#}", schema::questionnaire_schema())?;
            Ok(EXIT_OK)
        }
        Some("schema") => usage_error(err, "\"schema\" takes nothing after it"),
        Some("first-screen") if rest.is_empty() => match first_screens() {
            Some(screens) => {
                writeln!(out, "{screens}")?;
                Ok(EXIT_OK)
            }
            None => {
                writeln!(err, "ending-well: the built-in questionnaire does not read")?;
                Ok(EXIT_PROBLEMS)
            }
        },
        Some("first-screen") => usage_error(err, "\"first-screen\" takes nothing after it"),
        Some("language-pack") => match rest {
            [tag] => match tag.to_str().and_then(pack::language_pack) {
                Some(pack) => {
                    writeln!(out, "{pack}")?;
                    Ok(EXIT_OK)
                }
                None => usage_error(
                    err,
                    &format!(
                        "\"{}\" is not a built-in language shipped apart: English always ships \
                         with the module, and the others are {}",
                        tag.to_string_lossy(),
                        interface::BUILT_IN
                            .iter()
                            .map(|(tag, _)| *tag)
                            .filter(|tag| *tag != "en")
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
            },
            _ => usage_error(err, "\"language-pack\" takes one language tag, such as es"),
        },
        _ => usage_error(
            err,
            &format!("unknown command \"{}\"", command.to_string_lossy()),
        ),
    }
}

fn usage_error(err: &mut impl Write, message: &str) -> io::Result<u8> {
    writeln!(err, "ending-well: {message}\n")?;
    err.write_all(USAGE.as_bytes())?;
    Ok(EXIT_USAGE)
}

/// What checking the files found, for the closing line.
#[derive(Default)]
struct Tally {
    read: usize,
    unreadable: usize,
    with_problems: usize,
    problems: usize,
}

fn check(files: &[OsString], out: &mut impl Write, err: &mut impl Write) -> io::Result<u8> {
    if files.is_empty() {
        return usage_error(
            err,
            "name the questionnaire files to check, for example: ending-well check \
             my-questionnaire.json",
        );
    }
    if files.iter().any(|file| file == "--help" || file == "-h") {
        out.write_all(USAGE.as_bytes())?;
        return Ok(EXIT_OK);
    }
    if let Some(option) = files.iter().find(|file| {
        file.to_str()
            .is_some_and(|f| f.starts_with('-') && f != "-")
    }) {
        return usage_error(
            err,
            &format!(
                "unknown option \"{}\" (to check a file whose name starts with \"-\", write \
                 ./ before it)",
                option.to_string_lossy()
            ),
        );
    }

    let mut tally = Tally::default();
    for file in files {
        let name = if file == "-" {
            "standard input".to_owned()
        } else {
            file.to_string_lossy().into_owned()
        };
        let text = match read(file) {
            Ok(text) => text,
            Err(reason) => {
                writeln!(err, "cannot read {name}: {reason}")?;
                tally.unreadable += 1;
                continue;
            }
        };
        tally.read += 1;
        if is_settings(&text) {
            check_settings(&name, &text, out, &mut tally)?;
            continue;
        }
        match Questionnaire::from_json(&text) {
            Ok(questionnaire) => {
                writeln!(out, "{name}: ok ({})", counts(&questionnaire))?;
                missing_translations(&name, &text, &questionnaire, out)?;
            }
            Err(problems) => {
                tally.with_problems += 1;
                tally.problems += problems.len();
                for problem in &problems {
                    writeln!(out, "{name}: {problem}")?;
                }
            }
        }
    }
    writeln!(out, "{}", closing_line(&tally))?;

    Ok(if tally.unreadable > 0 {
        EXIT_USAGE
    } else if tally.problems > 0 {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    })
}

/// Whether a file holds settings rather than a questionnaire: an object without `sections`.
fn is_settings(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|value| {
            value
                .as_object()
                .map(|object| !object.contains_key("sections"))
        })
        .unwrap_or(false)
}

/// Checks settings with the questionnaire they name, as the widget reads them, then lists what
/// a client would miss.
fn check_settings(
    name: &str,
    text: &str,
    out: &mut impl Write,
    tally: &mut Tally,
) -> io::Result<()> {
    let checked = json::parse_file(text, "settings").and_then(|value| {
        let questionnaire = catalog::questionnaire_of(&value)?;
        catalog::prepare(questionnaire, value, "")
    });
    match checked {
        Ok(catalog) => {
            writeln!(
                out,
                "{name}: ok (settings, with {})",
                counts(catalog.questionnaire())
            )?;
            for warning in catalog.settings().warnings() {
                writeln!(out, "{name}: warning: {warning}")?;
            }
        }
        Err(problems) => {
            tally.with_problems += 1;
            tally.problems += problems.len();
            for problem in &problems {
                writeln!(out, "{name}: {problem}")?;
            }
        }
    }
    Ok(())
}

/// The text of a file, or of standard input for `-`; the reason in plain words if it cannot be
/// read.
fn read(file: &OsString) -> Result<String, String> {
    let mut text = String::new();
    let result = if file == "-" {
        io::stdin().read_to_string(&mut text).map(|_| text)
    } else {
        std::fs::read_to_string(file)
    };
    result.map_err(|error| match error.kind() {
        io::ErrorKind::InvalidData => {
            "it is not plain text (save it as UTF-8 text and try again)".to_owned()
        }
        _ => {
            // "No such file or directory (os error 2)": the number means nothing to a reader.
            let reason = error.to_string();
            match reason.split_once(" (os error ") {
                Some((reason, _)) => reason.to_owned(),
                None => reason,
            }
        }
    })
}

/// Lists, for each language but the file's own, the texts without a translation in it, and
/// says when the widget's own buttons and messages have no text in that language.
fn missing_translations(
    name: &str,
    text: &str,
    questionnaire: &Questionnaire,
    out: &mut impl Write,
) -> io::Result<()> {
    let Ok(value) = serde_json::from_str(text) else {
        return Ok(());
    };
    let own = multilingual::own_language(&value).to_owned();
    let (_, found, _) = multilingual::localize(&value, &own, FileKind::Questionnaire);
    for language in questionnaire.languages.iter().filter(|tag| **tag != own) {
        let missing = found.missing(language);
        if missing.is_empty() {
            writeln!(
                out,
                "{name}: \"{language}\": all {} texts translated",
                found.count()
            )?;
        } else {
            writeln!(
                out,
                "{name}: \"{language}\": {} of {} texts not translated (they show in \"{own}\"):",
                missing.len(),
                found.count()
            )?;
            for path in missing {
                writeln!(out, "{name}:   {path}")?;
            }
        }
        let built_in = interface::BUILT_IN.iter().any(|(tag, _)| {
            ending_well::languages::tag::primary(tag)
                == ending_well::languages::tag::primary(language)
        });
        if !built_in {
            writeln!(
                out,
                "{name}: \"{language}\": the buttons and messages have no built-in text in this \
                 language; they show in English unless the clinic's settings give it under \
                 \"interface\""
            )?;
        }
    }
    Ok(())
}

/// "4 sections, 8 questions, 4 conditional": information text is not counted as a question.
fn counts(questionnaire: &Questionnaire) -> String {
    let answerable = || {
        questionnaire
            .questions
            .iter()
            .filter(|question| question.kind != QuestionKind::Info)
    };
    let conditional = answerable()
        .filter(|question| question.show_if.is_some())
        .count();
    format!(
        "{}, {}, {conditional} conditional; {}: {}",
        count(questionnaire.sections.len(), "section"),
        count(answerable().count(), "question"),
        if questionnaire.languages.len() == 1 {
            "language"
        } else {
            "languages"
        },
        questionnaire.languages.join(", "),
    )
}

/// "1 file", "2 files".
fn count(number: usize, noun: &str) -> String {
    if number == 1 {
        format!("1 {noun}")
    } else {
        format!("{number} {noun}s")
    }
}

fn closing_line(tally: &Tally) -> String {
    let unreadable = count(tally.unreadable, "file");
    if tally.read == 0 {
        return format!("{unreadable} could not be read.");
    }
    let mut line = format!("{} checked: ", count(tally.read, "file"));
    if tally.problems == 0 {
        line.push_str("no problems found");
    } else {
        line.push_str(&format!("{} found", count(tally.problems, "problem")));
        if tally.with_problems < tally.read {
            line.push_str(&format!(" in {} of them", tally.with_problems));
        }
    }
    if tally.unreadable > 0 {
        line.push_str(&format!("; {unreadable} could not be read"));
    }
    line.push('.');
    if tally.problems > 0 {
        line.push_str(" Fix them and check again.");
    }
    line
}
