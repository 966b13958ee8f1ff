//! JSON text: the widget's own parser reads every file serde_json reads to the same value,
//! refuses what serde_json refuses, and says where, in words a clinician can act on; its writer
//! writes what serde_json writes.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use ending_well::languages::split::pointer_mut;
use ending_well::reading::json::{parse, to_text, JsonError};
use proptest::prelude::*;
use serde_json::Value;

/// Equal as JSON values, floats within a few units in the last place: serde_json, built without
/// its `float_roundtrip` feature, does not always round a decimal to the nearest `f64`; the
/// widget's parser does (`numbers_are_rounded_to_the_nearest`).
fn same(ours: &Value, theirs: &Value) -> bool {
    match (ours, theirs) {
        (Value::Number(a), Value::Number(b)) if a.is_f64() || b.is_f64() => {
            let (a, b) = (a.as_f64().unwrap(), b.as_f64().unwrap());
            a == b || (a.signum() == b.signum() && a.to_bits().abs_diff(b.to_bits()) <= 16)
        }
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .zip(b)
                    .all(|((ka, a), (kb, b))| ka == kb && same(a, b))
        }
        _ => ours == theirs,
    }
}

fn syntax(text: &str) -> String {
    match parse(text) {
        Err(JsonError::Syntax(message)) => message,
        other => panic!("{text:?} read as {other:?}"),
    }
}

#[test]
fn every_json_file_of_the_project_reads_as_serde_json_reads_it() {
    let mut read = 0;
    for folder in [
        "questionnaires",
        "locales",
        "tests/fixtures",
        "www/examples",
    ] {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path
                .extension()
                .is_some_and(|extension| extension == "json")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                let theirs = serde_json::from_str::<Value>(&text);
                match (parse(&text), theirs) {
                    (Ok(ours), Ok(theirs)) => assert!(same(&ours, &theirs), "{}", path.display()),
                    (Err(_), Err(_)) => {}
                    (ours, theirs) => panic!("{}: {ours:?} but {theirs:?}", path.display()),
                }
                read += 1;
            }
        }
    }
    assert!(read >= 7, "only {read} files");
}

#[test]
fn what_serde_json_refuses_is_refused_with_its_place() {
    for text in [
        "",
        "   ",
        "{\"a\": 1,}",
        "[1,]",
        "[1,,2]",
        "[1 2]",
        "{\"a\" 1}",
        "{a: 1}",
        "{'a': 1}",
        "01",
        "1.",
        ".5",
        "-",
        "1e",
        "1e+",
        "+1",
        "NaN",
        "Infinity",
        "tru",
        "nul",
        "1 2",
        "{} x",
        "\"abc",
        "\"a\u{1}b\"",
        "\"line\nbreak\"",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\ud800\"",
        "\"\\ud800\\u0041\"",
        "\"\\udc00\"",
        "\u{feff}{}",
        "1e400",
        "[",
        "{\"a\":",
    ] {
        assert!(
            serde_json::from_str::<Value>(text).is_err(),
            "serde_json reads {text:?}"
        );
        let message = syntax(text);
        assert!(message.contains(" at line "), "{text:?}: {message}");
    }
}

#[test]
fn a_mistake_is_placed_by_line_and_column_in_characters() {
    assert_eq!(
        syntax("{ \"id\": \"x\",\n  \"title\": }"),
        "expected a value at line 2, column 12"
    );
    assert_eq!(
        syntax("{\"título\": \"año\",\n\"más\": [1 2]}"),
        "expected `,` or `]` at line 2, column 11"
    );
    assert_eq!(
        syntax("{\"a\": [1, 2"),
        "the text ends where `,` or `]` was expected at line 1, column 12"
    );
    assert_eq!(
        syntax("{\"a\": \"two\nlines\"}"),
        "a line break or control character inside a string (write it as \\n or \\t) at line 1, column 11"
    );
    assert_eq!(
        syntax("[1]\n]"),
        "more text after the end of the JSON at line 2, column 1"
    );
}

#[test]
fn numbers_keep_their_kind() {
    for (text, expected) in [
        ("0", serde_json::json!(0)),
        ("18446744073709551615", serde_json::json!(u64::MAX)),
        ("-9223372036854775808", serde_json::json!(i64::MIN)),
        ("-12", serde_json::json!(-12)),
        ("12.0", serde_json::json!(12.0)),
        ("1E2", serde_json::json!(100.0)),
        ("0.1", serde_json::json!(0.1)),
        ("-2.5e-3", serde_json::json!(-0.0025)),
        ("1e-400", serde_json::json!(0.0)),
        (
            "123456789012345678901234567890",
            serde_json::json!(1.2345678901234568e29),
        ),
    ] {
        let ours = parse(text).unwrap();
        assert!(same(&ours, &expected), "{text}: {ours}");
        assert_eq!(ours.is_f64(), expected.is_f64(), "{text}");
        assert!(same(&ours, &serde_json::from_str(text).unwrap()), "{text}");
    }
    assert!(parse("-0").unwrap().as_f64().unwrap().is_sign_negative());
}

#[test]
fn numbers_are_rounded_to_the_nearest() {
    for text in [
        "0.1",
        "-0.3",
        "1e300",
        "-1e-300",
        "123.456e-5",
        "9007199254740993",
        "9007199254740993.0",
        "2.2250738585072014e-308",
        "4.9e-324",
        "1.7976931348623157e308",
        "0.30000000000000004",
        "12345678901234567890.5",
    ] {
        let ours = parse(text).unwrap().as_f64().unwrap();
        assert_eq!(
            ours.to_bits(),
            text.parse::<f64>().unwrap().to_bits(),
            "{text}"
        );
    }
}

#[test]
fn a_float_written_as_the_browser_writes_it_is_laid_out_as_serde_json_lays_it_out() {
    use ending_well::reading::json::lay_out;
    // On the left, JavaScript's `String(number)`; on the right, serde_json's text for the same
    // number.
    for (browser, serde) in [
        ("0.1", "0.1"),
        ("1.5e-7", "1.5e-7"),
        ("1e+21", "1e+21"),
        ("10000000000000000", "1e+16"),
        ("2000000000000000", "2000000000000000.0"),
        ("123456789012345680000", "1.2345678901234568e+20"),
        ("123456.789", "123456.789"),
        ("-2.5", "-2.5"),
        ("5e-324", "5e-324"),
        ("1.7976931348623157e+308", "1.7976931348623157e+308"),
        ("0.000001", "1e-6"),
        ("0.00001", "0.00001"),
        ("-0.00012", "-0.00012"),
        ("100", "100.0"),
    ] {
        let number: f64 = browser.parse().unwrap();
        assert_eq!(
            serde_json::to_string(&number).unwrap(),
            serde,
            "serde_json, {browser}"
        );
        let mut out = String::new();
        lay_out(browser, &mut out);
        assert_eq!(out, serde, "{browser}");
    }
}

#[test]
fn a_name_given_twice_keeps_its_last_value() {
    assert_eq!(
        parse("{\"a\": 1, \"a\": 2}").unwrap(),
        serde_json::json!({"a": 2})
    );
}

#[test]
fn nesting_stops_at_the_limit_without_running_out_of_stack() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(parse(&nested(65)).is_ok());
    assert_eq!(parse(&nested(66)), Err(JsonError::TooDeep));
    assert_eq!(parse(&"[".repeat(1_000_000)), Err(JsonError::TooDeep));
}

/// Values whose names are made of the characters a pointer escapes, and of digits, so that
/// generated pointers often lead somewhere.
fn pointed_value() -> impl Strategy<Value = Value> {
    any::<u8>()
        .prop_map(Value::from)
        .prop_recursive(4, 32, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map("[a~/01]{0,2}", inner, 0..6)
                    .prop_map(|fields| Value::Object(fields.into_iter().collect())),
            ]
        })
}

#[test]
fn a_pointer_s_escapes_and_indexes_read_as_rfc_6901_says() {
    let mut value = serde_json::json!({"a/b": {"~": [10, 20]}, "": 1, "~1": 2});
    for (pointer, found) in [
        ("", Some(value.clone())),
        ("/a~1b/~0/1", Some(Value::from(20))),
        ("/", Some(Value::from(1))),
        ("/~01", Some(Value::from(2))),
        ("/a~1b/~0/01", None),
        ("/a~1b/~0/+1", None),
        ("/a~1b/~0/2", None),
        ("a", None),
    ] {
        let theirs = value
            .clone()
            .pointer_mut(pointer)
            .map(|found| found.clone());
        assert_eq!(theirs, found, "serde_json, {pointer}");
        assert_eq!(
            pointer_mut(&mut value, pointer).map(|found| found.clone()),
            found,
            "{pointer}"
        );
    }
}

/// Any finite float, of any sign and size, with zero or without.
fn finite(zero: bool) -> impl Strategy<Value = f64> {
    use prop::num::f64::{NEGATIVE, NORMAL, POSITIVE, SUBNORMAL, ZERO};
    let kinds = POSITIVE | NEGATIVE | NORMAL | SUBNORMAL;
    if zero {
        kinds | ZERO
    } else {
        kinds
    }
}

/// The number serde_json wrote as `serde`, written as ECMAScript's `Number::toString` writes it
/// (the same fewest digits, its own layout): "1e+21" and up in scientific notation, down to
/// "0.000001", then "1e-7".
fn as_the_browser_writes(serde: &str) -> String {
    let (sign, unsigned) = match serde.strip_prefix('-') {
        Some(unsigned) => ("-", unsigned),
        None => ("", serde),
    };
    let (mantissa, exponent) = unsigned.split_once('e').unwrap_or((unsigned, "0"));
    let exponent: i32 = exponent.trim_start_matches('+').parse().unwrap();
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all = format!("{whole}{fraction}");
    let digits = all.trim_start_matches('0');
    // value = 0.digits × 10^point
    let point = whole.len() as i32 + exponent - (all.len() - digits.len()) as i32;
    let digits = digits.trim_end_matches('0');
    let length = digits.len() as i32;
    let body = if length <= point && point <= 21 {
        format!("{digits}{}", "0".repeat((point - length) as usize))
    } else if 0 < point && point <= 21 {
        format!(
            "{}.{}",
            &digits[..point as usize],
            &digits[point as usize..]
        )
    } else if -6 < point && point <= 0 {
        format!("0.{}{digits}", "0".repeat(-point as usize))
    } else {
        let rest = if length > 1 {
            format!(".{}", &digits[1..])
        } else {
            String::new()
        };
        format!(
            "{}{rest}e{}{}",
            &digits[..1],
            if point > 0 { "+" } else { "-" },
            (point - 1).abs()
        )
    };
    format!("{sign}{body}")
}

fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON holds finite numbers", |number| number.is_finite())
            .prop_map(Value::from),
        ".*".prop_map(Value::String),
        "[\\u{0}-\\u{1f}\"\\\\/a-zé\\u{1F600}]*".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(".*", inner, 0..8)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn what_serde_json_writes_reads_back_the_same(value in any_value(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            serde_json::to_string(&value).unwrap()
        };
        let ours = parse(&text).unwrap();
        let theirs: Value = serde_json::from_str(&text).unwrap();
        prop_assert!(same(&ours, &theirs), "{} read as {}", text, ours);
    }

    #[test]
    fn what_the_widget_writes_is_what_serde_json_writes(value in any_value()) {
        let ours = to_text(&value);
        prop_assert_eq!(&ours, &serde_json::to_string(&value).unwrap());
        prop_assert!(same(&parse(&ours).unwrap(), &value));
    }

    #[test]
    fn any_float_is_written_as_serde_json_writes_it(float in finite(true)) {
        let value = Value::from(float);
        prop_assert_eq!(to_text(&value), serde_json::to_string(&value).unwrap());
    }

    #[test]
    fn any_float_as_the_browser_writes_it_is_laid_out_as_serde_json_lays_it_out(
        float in finite(false),
    ) {
        let serde = serde_json::to_string(&float).unwrap();
        let browser = as_the_browser_writes(&serde);
        let mut out = String::new();
        ending_well::reading::json::lay_out(&browser, &mut out);
        prop_assert_eq!(out, serde, "{}", browser);
    }

    #[test]
    fn a_pointer_leads_where_serde_json_s_leads(
        value in pointed_value(),
        pointer in "(/[a~01+]{0,4}){0,4}",
    ) {
        let mut ours = value.clone();
        let mut theirs = value;
        prop_assert_eq!(
            pointer_mut(&mut ours, &pointer).map(|found| found.clone()),
            theirs.pointer_mut(&pointer).map(|found| found.clone()),
            "{}", pointer
        );
    }

    #[test]
    fn any_text_is_read_or_refused_as_serde_json_does(text in "[\\[\\]{}\",:0-9eE.+\\-tfrunlas \\\\\n]{0,24}") {
        let theirs = serde_json::from_str::<Value>(&text);
        match (parse(&text), theirs) {
            (Ok(ours), Ok(theirs)) => prop_assert!(same(&ours, &theirs), "{:?}", text),
            (Err(_), Err(_)) => {}
            (ours, theirs) => prop_assert!(false, "{:?}: {:?} but {:?}", text, ours, theirs),
        }
    }
}
