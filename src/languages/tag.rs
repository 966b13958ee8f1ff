//! Language tags: which language a client gets, which way it is written, and its name in itself.
//! What a tag may look like is checked where files are read, in `reading::object`.

/// The language used when nothing else matches, and the one every other falls back to.
pub const FALLBACK: &str = "en";

/// Which way a language is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl Direction {
    /// The value of the HTML `dir` attribute.
    pub fn attribute(self) -> &'static str {
        match self {
            Self::Ltr => "ltr",
            Self::Rtl => "rtl",
        }
    }
}

/// Languages written right to left by default (ISO 639 codes).
const RTL_LANGUAGES: [&str; 12] = [
    "ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "syr", "ug", "ur", "yi",
];
/// Scripts written right to left (ISO 15924 codes, as in `az-Arab`).
const RTL_SCRIPTS: [&str; 9] = [
    "adlm", "arab", "hebr", "nkoo", "rohg", "syrc", "thaa", "mand", "samr",
];
/// Scripts written left to right that can override a right-to-left language (`ug-Latn`).
const LTR_SCRIPTS: [&str; 3] = ["latn", "cyrl", "grek"];

/// Which way `tag` is written: a script subtag decides, then the language.
pub fn direction(tag: &str) -> Direction {
    let mut subtags = tag.split(['-', '_']).map(str::to_ascii_lowercase);
    let language = subtags.next().unwrap_or_default();
    let script = subtags.find(|subtag| subtag.len() == 4);
    match script {
        Some(script) if RTL_SCRIPTS.contains(&script.as_str()) => Direction::Rtl,
        Some(script) if LTR_SCRIPTS.contains(&script.as_str()) => Direction::Ltr,
        _ if RTL_LANGUAGES.contains(&language.as_str()) => Direction::Rtl,
        _ => Direction::Ltr,
    }
}

/// The primary language of a tag, in lower case: "es" for "es-MX".
pub fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Picks the offered language for a client: the first of `wanted` (the element's `lang`, the
/// page's, then the browser's preferred languages) that matches one offered, exactly or by its
/// primary language ("es-MX" gets "es"); otherwise English if offered; otherwise the first.
/// Returns a position in `offered`, which must not be empty for the result to mean anything.
pub fn choose<S: AsRef<str>>(offered: &[S], wanted: &[S]) -> usize {
    let position =
        |matches: &dyn Fn(&str) -> bool| offered.iter().position(|tag| matches(tag.as_ref()));
    for want in wanted {
        let want = want.as_ref().trim();
        if want.is_empty() {
            continue;
        }
        let exact = position(&|tag| tag.eq_ignore_ascii_case(want));
        let by_primary = || position(&|tag| primary(tag) == primary(want));
        if let Some(found) = exact.or_else(by_primary) {
            return found;
        }
    }
    position(&|tag| primary(tag) == FALLBACK).unwrap_or(0)
}

/// Languages' names in themselves, for a language a clinic adds without giving its name.
const ENDONYMS: [(&str, &str); 30] = [
    ("ar", "العربية"),
    ("bn", "বাংলা"),
    ("cy", "Cymraeg"),
    ("de", "Deutsch"),
    ("el", "Ελληνικά"),
    ("en", "English"),
    ("es", "Español"),
    ("fa", "فارسی"),
    ("fr", "Français"),
    ("ga", "Gaeilge"),
    ("he", "עברית"),
    ("hi", "हिन्दी"),
    ("it", "Italiano"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("nl", "Nederlands"),
    ("pa", "ਪੰਜਾਬੀ"),
    ("pl", "Polski"),
    ("ps", "پښتو"),
    ("pt", "Português"),
    ("ro", "Română"),
    ("ru", "Русский"),
    ("so", "Soomaali"),
    ("sw", "Kiswahili"),
    ("ta", "தமிழ்"),
    ("tl", "Tagalog"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("ur", "اردو"),
    ("vi", "Tiếng Việt"),
];

/// The name of `tag`'s language in itself ("Français" for "fr-CA"), for common languages.
pub fn endonym(tag: &str) -> Option<&'static str> {
    let primary = primary(tag);
    ENDONYMS
        .iter()
        .find(|(code, _)| *code == primary)
        .map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reading::object::is_language_tag;

    #[test]
    fn directions_follow_language_and_script() {
        assert_eq!(direction("ar"), Direction::Rtl);
        assert_eq!(direction("he-IL"), Direction::Rtl);
        assert_eq!(direction("az-Arab"), Direction::Rtl);
        assert_eq!(direction("ug-Latn"), Direction::Ltr);
        assert_eq!(direction("es"), Direction::Ltr);
        assert_eq!(direction("en-GB"), Direction::Ltr);
    }

    #[test]
    fn choosing_prefers_the_first_match_then_english() {
        let offered = ["en", "es"];
        assert_eq!(choose(&offered, &["fr", "es-MX", "en"]), 1);
        assert_eq!(choose(&offered, &["ES"]), 1);
        assert_eq!(choose(&offered, &["fr", "de"]), 0);
        assert_eq!(choose(&["es", "en"], &["fr"]), 1);
        assert_eq!(choose(&["es", "ar"], &["fr"]), 0);
        assert!(is_language_tag("es-419"));
        assert!(is_language_tag("zh-Hant-TW"));
        assert!(!is_language_tag("english"));
        assert!(!is_language_tag("e"));
        assert!(!is_language_tag("es_MX"));
    }
}
