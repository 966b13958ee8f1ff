//! A problem found in a questionnaire file, with the path to the place it was found.

use std::fmt;

/// One problem in a questionnaire file: where it is and what is wrong, in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is, e.g. `sections[2].questions[1].show_if`; empty for the whole file.
    pub path: String,
    /// What is wrong, e.g. `unknown question "feelngs" (did you mean "feelings"?)`.
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Extends a path with a field name: `sections[2]` + `title` is `sections[2].title`.
pub(crate) fn field_path(base: &str, field: &str) -> String {
    if base.is_empty() {
        field.to_owned()
    } else {
        format!("{base}.{field}")
    }
}

/// Extends a path with a list position: `sections` + 2 is `sections[2]`.
pub(crate) fn index_path(base: &str, index: usize) -> String {
    format!("{base}[{index}]")
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub(crate) fn near_miss<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let length = word.chars().count();
    let limit = (length / 3).clamp(1, 3);
    candidates
        .into_iter()
        // Lengths further apart than the limit cannot be within it: skipping them keeps a very
        // long unknown name (a pasted paragraph, say) from taking seconds to report.
        .filter(|candidate| candidate.chars().count().abs_diff(length) <= limit)
        .map(|candidate| (edit_distance(word, candidate), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// `message` followed by ` (did you mean "x"?)` when a near miss exists.
pub(crate) fn with_suggestion<'a>(
    message: String,
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> String {
    match near_miss(word, candidates) {
        Some(candidate) => format!("{message} (did you mean \"{candidate}\"?)"),
        None => message,
    }
}

/// Edit distance over characters, where swapping two neighbours counts as one edit (optimal
/// string alignment): "hnit" is one edit from "hint".
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut table: Vec<usize> = vec![0; (a.len() + 1) * width];
    let at = |i: usize, j: usize| i * width + j;
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            let value = if i == 0 || j == 0 {
                i.max(j)
            } else {
                let cell = |i: usize, j: usize| table.get(at(i, j)).copied().unwrap_or(0);
                let same = a.get(i - 1) == b.get(j - 1);
                let mut best = (cell(i - 1, j) + 1)
                    .min(cell(i, j - 1) + 1)
                    .min(cell(i - 1, j - 1) + usize::from(!same));
                let swapped =
                    i > 1 && j > 1 && a.get(i - 1) == b.get(j - 2) && a.get(i - 2) == b.get(j - 1);
                if swapped {
                    best = best.min(cell(i - 2, j - 2) + 1);
                }
                best
            };
            if let Some(slot) = table.get_mut(at(i, j)) {
                *slot = value;
            }
        }
    }
    table.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_are_suggested_and_strangers_are_not() {
        let ids = ["feelings", "progress", "support"];
        assert_eq!(near_miss("feelngs", ids), Some("feelings"));
        assert_eq!(near_miss("suport", ids), Some("support"));
        assert_eq!(near_miss("weather", ids), None);
        assert_eq!(near_miss("hnit", ["hint", "text"]), Some("hint"));
    }

    #[test]
    fn paths_read_like_the_file() {
        let section = index_path(&field_path("", "sections"), 2);
        assert_eq!(field_path(&section, "title"), "sections[2].title");
    }
}
