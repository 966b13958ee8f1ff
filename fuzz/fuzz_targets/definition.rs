//! Any bytes as a questionnaire file, as the clinic's settings, and as both given to the widget.
//! Reading must give a questionnaire or problems, never a panic or a stack overflow.
#![no_main]

use std::sync::OnceLock;

use ending_well::format::catalog;
use ending_well::format::settings::Settings;
use ending_well::Questionnaire;
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

/// The settings fields that refer to the questionnaire: only these are worth the cost of
/// checking the built-in questionnaire again.
const REFERRING: [&str; 3] = ["changes", "languages", "interface"];

fn built_in() -> &'static Value {
    static BUILT_IN: OnceLock<Value> = OnceLock::new();
    BUILT_IN.get_or_init(catalog::default_questionnaire_value)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(problems) = Questionnaire::from_json(text) {
        assert!(!problems.is_empty(), "refused without a problem");
    }
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return;
    };
    if let Err(problems) = Settings::from_value(&value) {
        assert!(!problems.is_empty(), "settings refused without a problem");
    }
    // As a clinic's questionnaire in the mount options: every language offered must open.
    if let Ok(catalog) = catalog::prepare(value.clone(), Value::Object(Map::new()), "options") {
        assert_eq!(catalog.versions().len(), catalog.languages.len());
    }
    // As the mount options with the built-in questionnaire.
    if REFERRING.iter().any(|field| value.get(field).is_some()) {
        if let Ok(catalog) = catalog::prepare(built_in().clone(), value, "options") {
            assert_eq!(catalog.versions().len(), catalog.languages.len());
        }
    }
});
