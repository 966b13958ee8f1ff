//! The clinic's settings: support contacts with safe links only, the quick exit address, saving.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ending_well::format::settings::{Settings, DEFAULT_EXIT_URL};
use ending_well::Problem;
use serde_json::json;

fn problems(value: serde_json::Value) -> Vec<String> {
    Settings::from_value(&value)
        .unwrap_err()
        .iter()
        .map(Problem::to_string)
        .collect()
}

#[test]
fn a_complete_configuration_is_read() {
    let settings = Settings::from_value(&json!({
        "clinic": "Riverside Counselling",
        "support": {
            "intro": "We are here.",
            "resources": [{
                "name": "Reception", "phone": "+44 (0)20 7946 0999", "text": "07700 900123",
                "web": "https://example.org/help", "email": "hello@example.org",
                "hours": "9 to 5", "note": "Ask for the duty worker"
            }]
        },
        "quick_exit": { "url": "https://example.org/weather" },
        "saving": false
    }))
    .unwrap();
    assert_eq!(settings.clinic.as_deref(), Some("Riverside Counselling"));
    assert_eq!(
        settings.support.resources[0].phone.as_deref(),
        Some("+44 (0)20 7946 0999")
    );
    assert_eq!(settings.quick_exit.url, "https://example.org/weather");
    assert!(!settings.quick_exit.delete_draft);
    assert!(!settings.saving);
}

#[test]
fn nothing_configured_means_placeholders_and_a_neutral_exit() {
    let settings = Settings::from_value(&json!({})).unwrap();
    assert!(settings.support.resources.is_empty());
    assert_eq!(settings.quick_exit.url, DEFAULT_EXIT_URL);
    assert!(settings.saving);
}

#[test]
fn without_contacts_the_clinic_is_warned_and_the_client_gets_advice_not_an_admin_message() {
    let settings = Settings::from_value(&json!({})).unwrap();
    let warnings: Vec<String> = settings.warnings().iter().map(Problem::to_string).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].starts_with("support.resources: no support contacts yet"));
    let settings = Settings::from_value(&json!({
        "support": { "resources": [{ "name": "Reception", "phone": "01632 960000" }] }
    }))
    .unwrap();
    assert!(settings.warnings().is_empty());

    for language in ["en", "es"] {
        let texts = ending_well::languages::interface::Texts::for_language(language, &Vec::new());
        let fallback = texts.support_placeholder().to_lowercase();
        for admin in [
            "has not added",
            "not been added",
            "no ha agregado",
            "todavía no",
        ] {
            assert!(!fallback.contains(admin), "{language}: {fallback}");
        }
        assert!(
            fallback.contains("emergency") || fallback.contains("emergencia"),
            "{language}: the fallback names the emergency number: {fallback}"
        );
    }
}

#[test]
fn a_built_in_questionnaire_is_chosen_by_name_and_never_beside_the_clinics_own() {
    assert!(Settings::from_value(&json!({ "built_in": "short" })).is_ok());
    assert!(Settings::from_value(&json!({ "built_in": "full" })).is_ok());
    assert_eq!(
        problems(json!({ "built_in": "shrot" })),
        [
            "built_in: there is no built-in questionnaire \"shrot\": use \"full\" or \"short\" \
          (about five minutes) (did you mean \"short\"?)"
        ]
    );
    assert_eq!(
        problems(json!({ "built_in": "short", "questionnaire": { "id": "mine" } })),
        ["built_in: choose either a questionnaire of the clinic's own or a built-in one, not both"]
    );
}

#[test]
fn only_safe_links_are_accepted() {
    let problems = problems(json!({
        "support": { "resources": [
            { "name": "A", "web": "javascript:alert(1)" },
            { "name": "B", "web": "http://example.org" },
            { "name": "C", "web": "data:text/html,<script>alert(1)</script>" },
            { "name": "D", "phone": "call 999 now" },
            { "name": "E", "email": "x@y.org?subject=\"hi\"" },
            { "phone": "111" }
        ]},
        "quick_exit": { "url": "//elsewhere.example" },
        "colour": "red"
    }));
    assert_eq!(
        problems,
        [
            "colour: unknown field \"colour\"",
            "support.resources[0].web: \"javascript:alert(1)\" is not a web address starting with https://",
            "support.resources[1].web: \"http://example.org\" is not a web address starting with https://",
            "support.resources[2].web: \"data:text/html,<script>alert(1)</script>\" is not a web address starting with https://",
            "support.resources[3].phone: \"call 999 now\" is not a phone number: use digits, spaces, +, - and ( )",
            "support.resources[4].email: \"x@y.org?subject=\"hi\"\" is not an email address",
            "support.resources[5].name: missing \"name\": add some text",
            "quick_exit.url: \"//elsewhere.example\" is not usable: use a web address starting with https:// or a path on this site starting with /",
        ]
    );
}

#[test]
fn spell_checking_and_events_are_off_unless_the_clinic_turns_them_on() {
    let default = Settings::from_value(&json!({})).unwrap();
    assert!(!default.spellcheck);
    assert!(!default.events);
    let chosen = Settings::from_value(&json!({ "spellcheck": true, "events": true })).unwrap();
    assert!(chosen.spellcheck);
    assert!(chosen.events);
}

#[test]
fn the_browser_asks_before_leaving_only_when_the_clinic_chose_it() {
    assert!(!Settings::from_value(&json!({})).unwrap().ask_before_leaving);
    let chosen = Settings::from_value(&json!({ "ask_before_leaving": true })).unwrap();
    assert!(chosen.ask_before_leaving);
    assert_eq!(
        problems(json!({ "ask_before_leaving": "yes" })),
        ["ask_before_leaving: expected true or false, found text"]
    );
}

#[test]
fn a_link_goes_where_it_plainly_says_and_an_email_is_a_plain_address() {
    let web = |url: &str| {
        Settings::from_value(&json!({ "support": { "resources": [{ "name": "A", "web": url }] } }))
            .is_ok()
    };
    for good in [
        "https://example.org",
        "https://help.example.org/crisis?lang=en#now",
        "https://example.org:8443/help",
        "https://xn--bcher-kva.example/",
    ] {
        assert!(web(good), "{good}");
    }
    for bad in [
        // A user name before the host: the link goes to evil.example.
        "https://good.example@evil.example/",
        "https://good.example:secret@evil.example/",
        // Percent-encoding and backslashes in the host, which browsers rewrite.
        "https://%65vil.example/",
        "https://evil.example\\\\@good.example/",
        // An address a reader cannot judge.
        "https://192.168.0.1/help",
        "https://localhost/help",
        "https://example.org:99999/",
        "https://-example.org/",
        "https://example..org/",
    ] {
        assert!(!web(bad), "{bad}");
    }
    let email = |address: &str| {
        Settings::from_value(
            &json!({ "support": { "resources": [{ "name": "A", "email": address }] } }),
        )
        .is_ok()
    };
    for good in [
        "help@example.org",
        "help+ending@example.org",
        "duty.line_1@clinic.example.org",
    ] {
        assert!(email(good), "{good}");
    }
    for bad in [
        "help@example.org,other@evil.example",
        "help@example.org;other@evil.example",
        "help%40evil.example@example.org",
        "\"quoted\"@example.org",
        ".help@example.org",
        "he..lp@example.org",
        "help@example",
        "help@exa_mple.org",
        "help@@example.org",
        "help@example.org?cc=other@evil.example",
    ] {
        assert!(!email(bad), "{bad}");
    }
}

#[test]
fn a_link_that_hides_where_it_goes_is_refused_in_words_a_clinician_can_act_on() {
    assert_eq!(
        problems(json!({ "support": { "resources": [
            { "name": "A", "web": "https://good.example@evil.example/" }
        ]}})),
        [
            "support.resources[0].web: \"https://good.example@evil.example/\" does not plainly name \
             the site it goes to: write https:// then the site's name, like \
             https://example.org/help, with no \"@\", \"%\" or number address"
        ]
    );
}
