//! Plural forms: which CLDR plural category a count takes in a language, for text like
//! "3 questions" in the interface text.

use super::tag::primary;

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
    fn spanish_and_english_have_one_and_other_under_a_thousand() {
        assert_eq!(categories_in_use("en"), [Category::One, Category::Other]);
        assert_eq!(categories_in_use("es"), [Category::One, Category::Other]);
        assert_eq!(category("es", 1_000_000), Category::Many);
        assert_eq!(category("ar", 0), Category::Zero);
        assert_eq!(category("ar", 103), Category::Few);
        assert_eq!(category("ru", 22), Category::Few);
        assert_eq!(category("ru", 12), Category::Many);
    }
}
