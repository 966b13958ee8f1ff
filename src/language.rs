//! Languages: which one a client gets, which way it is written, and its plural forms.

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

/// Whether `tag` looks like a language tag: a 2 or 3 letter language, then subtags of 1 to 8
/// letters or digits, joined by `-` ("en", "es-419", "zh-Hant-TW").
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let language_ok = subtags.next().is_some_and(|first| {
        (2..=3).contains(&first.len()) && first.chars().all(|c| c.is_ascii_alphabetic())
    });
    language_ok
        && subtags.all(|subtag| {
            (1..=8).contains(&subtag.len()) && subtag.chars().all(|c| c.is_ascii_alphanumeric())
        })
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

/// A CLDR plural category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    /// Used by Arabic for 0.
    Zero,
    /// 1 in most languages.
    One,
    /// 2 in Arabic and Hebrew.
    Two,
    /// Small numbers in Arabic and Slavic languages.
    Few,
    /// Larger numbers in Arabic and Slavic languages.
    Many,
    /// Everything else; every message has it.
    Other,
}

impl Category {
    /// Every category, in CLDR order.
    pub const ALL: [Self; 6] = [
        Self::Zero,
        Self::One,
        Self::Two,
        Self::Few,
        Self::Many,
        Self::Other,
    ];

    /// The category's name in a language file.
    pub fn name(self) -> &'static str {
        match self {
            Self::Zero => "zero",
            Self::One => "one",
            Self::Two => "two",
            Self::Few => "few",
            Self::Many => "many",
            Self::Other => "other",
        }
    }
}

/// The plural category of a whole number `n` in `tag`'s language, by the CLDR rules for whole
/// numbers. Languages without a rule here use one for 1 and other for the rest.
pub fn category(tag: &str, n: usize) -> Category {
    let (n10, n100) = (n % 10, n % 100);
    match primary(tag).as_str() {
        // No plural forms.
        "ja" | "ko" | "zh" | "vi" | "th" | "id" | "ms" | "my" | "lo" | "km" => Category::Other,
        // 0 and 1 take the singular.
        "fr" | "hi" | "bn" | "fa" | "gu" | "kn" | "mr" | "zu" | "am" | "pa" | "ln" | "ti" => {
            match n {
                0 | 1 => Category::One,
                _ if n != 0 && n % 1_000_000 == 0 && tag_is("fr", tag) => Category::Many,
                _ => Category::Other,
            }
        }
        "es" | "it" | "pt" | "ca" => match n {
            0 | 1 if primary(tag) == "pt" && !tag.eq_ignore_ascii_case("pt-PT") => Category::One,
            1 => Category::One,
            _ if n != 0 && n % 1_000_000 == 0 => Category::Many,
            _ => Category::Other,
        },
        "ar" => match n {
            0 => Category::Zero,
            1 => Category::One,
            2 => Category::Two,
            _ if (3..=10).contains(&n100) => Category::Few,
            _ if (11..=99).contains(&n100) => Category::Many,
            _ => Category::Other,
        },
        "he" | "iw" => match n {
            1 => Category::One,
            2 => Category::Two,
            _ => Category::Other,
        },
        "ru" | "uk" | "be" => match (n10, n100) {
            (1, h) if h != 11 => Category::One,
            (2..=4, h) if !(12..=14).contains(&h) => Category::Few,
            _ => Category::Many,
        },
        "pl" => match (n, n10, n100) {
            (1, _, _) => Category::One,
            (_, 2..=4, h) if !(12..=14).contains(&h) => Category::Few,
            _ => Category::Many,
        },
        _ => match n {
            1 => Category::One,
            _ => Category::Other,
        },
    }
}

fn tag_is(language: &str, tag: &str) -> bool {
    primary(tag) == language
}

/// The categories a language uses for counts under 1,000: the forms a translation must give.
pub fn categories_in_use(tag: &str) -> Vec<Category> {
    let mut used: Vec<Category> = (0..1000).map(|n| category(tag, n)).collect();
    used.sort();
    used.dedup();
    used
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn spanish_and_english_have_one_and_other_under_a_thousand() {
        assert_eq!(categories_in_use("en"), [Category::One, Category::Other]);
        assert_eq!(categories_in_use("es"), [Category::One, Category::Other]);
        assert_eq!(category("es", 1_000_000), Category::Many);
        assert_eq!(category("ar", 0), Category::Zero);
        assert_eq!(category("ar", 103), Category::Few);
        assert_eq!(category("ru", 22), Category::Few);
        assert_eq!(category("ru", 12), Category::Many);
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
