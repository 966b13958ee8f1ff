//! The reminder as an iCalendar file: the right day months ahead, the client's words escaped
//! and folded, a file calendar apps can read, and nothing in it about the client.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ending_well::reflection::reminder::{reminder_ics, Day, Moment, Reminder, PRODUCT_ID};

fn day(year: i32, month: u32, day: u32) -> Day {
    Day { year, month, day }
}

fn moment(day: Day, hour: u32, minute: u32, second: u32) -> Moment {
    Moment {
        day,
        hour,
        minute,
        second,
    }
}

fn reminder(today: Day, months: u32, title: &str) -> Reminder<'_> {
    Reminder {
        today,
        months,
        title,
        fallback_title: "Reread my note",
        description: "Reread the note and the plan you saved, wherever you keep them.",
        stamp: moment(day(2026, 11, 29), 12, 30, 0),
        uid: "5f0c8a1e9b7d4c2a8e6f3b1d0a9c7e5b@ending-well",
    }
}

/// The content lines of a file: its physical lines with folds undone (RFC 5545, 3.1).
fn unfold(ics: &str) -> Vec<String> {
    let body = ics.strip_suffix("\r\n").expect("the file ends with CRLF");
    body.replace("\r\n ", "")
        .split("\r\n")
        .map(str::to_owned)
        .collect()
}

/// A TEXT value with its escapes undone.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other @ ('\\' | ';' | ',')) => out.push(other),
                other => panic!("bad escape \\{other:?} in {text:?}"),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The values of every content line named `name` (with or without parameters), in order.
fn values(ics: &str, name: &str) -> Vec<String> {
    unfold(ics)
        .into_iter()
        .filter_map(|line| {
            let (head, value) = line.split_once(':')?;
            let property = head.split(';').next()?;
            (property == name).then(|| value.to_owned())
        })
        .collect()
}

/// The one value of a property that must appear exactly once.
fn value(ics: &str, name: &str) -> String {
    let found = values(ics, name);
    assert_eq!(found.len(), 1, "{name} in:\n{ics}");
    found[0].clone()
}

/// The first and last day of the event, as written.
fn event_days(today: Day, months: u32) -> (String, String) {
    let ics = reminder_ics(&reminder(today, months, "Reread"));
    (value(&ics, "DTSTART"), value(&ics, "DTEND"))
}

#[test]
fn the_reminder_falls_one_three_or_six_months_later() {
    let cases = [
        // today, months, the day of the reminder
        (day(2026, 11, 29), 1, "20261229"),
        (day(2026, 11, 29), 3, "20270228"),
        (day(2026, 11, 29), 6, "20270529"),
        (day(2026, 5, 15), 1, "20260615"),
        (day(2026, 5, 15), 3, "20260815"),
        (day(2026, 5, 15), 6, "20261115"),
        // 30 November: into the next year.
        (day(2026, 11, 30), 1, "20261230"),
        (day(2026, 11, 30), 3, "20270228"),
        (day(2026, 11, 30), 6, "20270530"),
        (day(2026, 12, 31), 1, "20270131"),
        (day(2026, 10, 31), 3, "20270131"),
        // 31st: the last day of a shorter month.
        (day(2027, 1, 31), 1, "20270228"),
        (day(2028, 1, 31), 1, "20280229"),
        (day(2026, 1, 31), 3, "20260430"),
        (day(2026, 3, 31), 6, "20260930"),
        (day(2026, 8, 31), 6, "20270228"),
        (day(2027, 8, 31), 6, "20280229"),
        // 29 February.
        (day(2028, 2, 29), 1, "20280329"),
        (day(2028, 2, 29), 3, "20280529"),
        (day(2028, 2, 29), 6, "20280829"),
        (day(2028, 2, 29), 12, "20290228"),
        (day(2028, 2, 29), 48, "20320229"),
        // Century years: 2100 has no 29 February, 2400 has.
        (day(2099, 8, 31), 6, "21000228"),
        (day(2399, 8, 31), 6, "24000229"),
        // Any number of months.
        (day(2026, 11, 30), 0, "20261130"),
        (day(2026, 11, 30), 13, "20271230"),
        (day(2026, 11, 30), 25, "20281230"),
    ];
    for (today, months, expected) in cases {
        assert_eq!(
            event_days(today, months).0,
            expected,
            "{months} months after {today:?}"
        );
    }
}

#[test]
fn the_event_lasts_the_whole_day_and_ends_the_next_day() {
    let cases = [
        (day(2026, 11, 29), 1, "20261229", "20261230"),
        (day(2027, 1, 31), 1, "20270228", "20270301"),
        (day(2028, 1, 31), 1, "20280229", "20280301"),
        (day(2026, 4, 30), 1, "20260530", "20260531"),
        (day(2026, 6, 30), 6, "20261230", "20261231"),
        (day(2026, 12, 31), 12, "20271231", "20280101"),
        (day(2026, 7, 31), 5, "20261231", "20270101"),
    ];
    for (today, months, start, end) in cases {
        assert_eq!(
            event_days(today, months),
            (start.to_owned(), end.to_owned()),
            "{months} months after {today:?}"
        );
    }
    let ics = reminder_ics(&reminder(day(2026, 11, 29), 1, "Reread"));
    let lines = unfold(&ics);
    assert!(lines.contains(&"DTSTART;VALUE=DATE:20261229".to_owned()));
    assert!(lines.contains(&"DTEND;VALUE=DATE:20261230".to_owned()));
}

#[test]
fn the_day_can_be_worked_out_on_its_own() {
    assert_eq!(day(2027, 1, 31).months_later(1), day(2027, 2, 28));
    assert_eq!(day(2026, 11, 30).months_later(3), day(2027, 2, 28));
    assert_eq!(day(2028, 2, 28).next(), day(2028, 2, 29));
    assert_eq!(day(2027, 2, 28).next(), day(2027, 3, 1));
    assert_eq!(day(2026, 12, 31).next(), day(2027, 1, 1));
}

#[test]
fn impossible_days_and_huge_numbers_still_make_a_readable_file() {
    let cases = [
        (day(2026, 13, 40), 1),
        (day(2026, 0, 0), 3),
        (day(2026, 4, 31), 0),
        (day(i32::MAX, 12, 31), u32::MAX),
        (day(i32::MIN, 1, 1), 6),
        (day(9999, 12, 31), 1),
    ];
    for (today, months) in cases {
        let (start, end) = event_days(today, months);
        for date in [&start, &end] {
            assert_eq!(date.len(), 8, "{date} for {today:?} + {months}");
            assert!(date.bytes().all(|b| b.is_ascii_digit()), "{date}");
        }
        assert!(start <= end, "{start} to {end}");
    }
    // An impossible day is read as the nearest real one.
    assert_eq!(event_days(day(2026, 4, 31), 0).0, "20260430");
    assert_eq!(event_days(day(2026, 13, 40), 1).0, "20270131");
}

#[test]
fn the_alarm_goes_off_at_nine_on_the_day_with_the_title() {
    let ics = reminder_ics(&reminder(day(2026, 11, 29), 3, "Reread my plan"));
    let lines = unfold(&ics);
    let begin = lines.iter().position(|l| l == "BEGIN:VALARM").unwrap();
    let end = lines.iter().position(|l| l == "END:VALARM").unwrap();
    let alarm = &lines[begin + 1..end];
    assert!(alarm.contains(&"ACTION:DISPLAY".to_owned()), "{alarm:?}");
    assert!(alarm.contains(&"TRIGGER:PT9H".to_owned()), "{alarm:?}");
    assert!(
        alarm.contains(&"DESCRIPTION:Reread my plan".to_owned()),
        "{alarm:?}"
    );
    assert_eq!(value(&ics, "SUMMARY"), "Reread my plan");
}

#[test]
fn a_blank_title_uses_the_fallback() {
    for blank in ["", "   ", " \n\t \r\n "] {
        let ics = reminder_ics(&reminder(day(2026, 11, 29), 1, blank));
        assert_eq!(value(&ics, "SUMMARY"), "Reread my note", "{blank:?}");
        assert_eq!(
            values(&ics, "DESCRIPTION").last().unwrap(),
            "Reread my note",
            "the alarm shows the fallback too"
        );
    }
    let ics = reminder_ics(&reminder(day(2026, 11, 29), 1, "  Time to look back  "));
    assert_eq!(value(&ics, "SUMMARY"), "Time to look back");
}

#[test]
fn characters_a_calendar_cannot_hold_are_left_out() {
    // A NUL or an escape character in a TEXT value makes some calendar apps refuse the file.
    let ics = reminder_ics(&reminder(
        day(2026, 11, 29),
        1,
        "Reread\u{0} my\u{7f} note\u{1b}\tnow",
    ));
    assert_eq!(value(&ics, "SUMMARY"), "Reread my note\tnow");
    assert!(!ics.contains(['\u{0}', '\u{7f}', '\u{1b}']));
}

#[test]
fn a_long_accented_title_is_escaped_folded_and_comes_back_whole() {
    let accented = "é à ü ñ ø ç ğ ß ő ł ".repeat(10);
    assert_eq!(accented.chars().count(), 200);
    let title = format!(
        "Relire, doucement; ma lettre\\mon plan\nDeuxième ligne, \"vraiment\": {accented}fin"
    );
    let description = "Ligne 1, avec virgule;\r\nLigne 2\\fin";
    let ics = reminder_ics(&Reminder {
        description,
        ..reminder(day(2026, 11, 29), 6, &title)
    });

    for line in ics.split_terminator("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(!line.contains(['\r', '\n']), "a bare line break: {line:?}");
    }
    assert!(
        ics.split_terminator("\r\n")
            .any(|line| line.starts_with(' ')),
        "the long title is folded"
    );

    let summary = value(&ics, "SUMMARY");
    assert!(summary.starts_with("Relire\\, doucement\\; ma lettre\\\\mon plan\\nDeuxième"));
    assert_eq!(unescape(&summary), title);
    assert_eq!(
        unescape(values(&ics, "DESCRIPTION").last().unwrap()),
        title,
        "the alarm's text"
    );
    assert_eq!(
        unescape(&values(&ics, "DESCRIPTION")[0]),
        "Ligne 1, avec virgule;\nLigne 2\\fin"
    );
}

#[test]
fn folding_never_splits_a_character() {
    // Two-, three- and four-octet characters, at every offset from the start of the line.
    for prefix in 0..4 {
        let title = format!("{}{}", "a".repeat(prefix), "é€😀".repeat(30));
        let ics = reminder_ics(&reminder(day(2026, 11, 29), 1, &title));
        for line in ics.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        }
        // A line is folded only where the next character would not fit in 75 octets.
        let mut physical = ics.split_terminator("\r\n");
        let first = physical.find(|line| line.starts_with("SUMMARY:")).unwrap();
        let folded: Vec<&str> = std::iter::once(first)
            .chain(physical.take_while(|line| line.starts_with(' ')))
            .collect();
        assert!(folded.len() > 2, "{folded:?}");
        for line in &folded[..folded.len() - 1] {
            assert!(line.len() > 75 - 4, "folded early: {line:?}");
        }
        assert_eq!(unescape(&value(&ics, "SUMMARY")), title);
    }
}

#[test]
fn the_file_is_a_well_formed_calendar() {
    let ics = reminder_ics(&reminder(day(2026, 11, 29), 1, "Reread"));
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.ends_with("END:VCALENDAR\r\n"), "{ics}");
    assert_eq!(
        ics.matches('\n').count(),
        ics.matches("\r\n").count(),
        "every line ends with CRLF"
    );

    let mut open = Vec::new();
    for line in unfold(&ics) {
        if let Some(name) = line.strip_prefix("BEGIN:") {
            open.push(name.to_owned());
        } else if let Some(name) = line.strip_prefix("END:") {
            assert_eq!(open.pop().as_deref(), Some(name), "END:{name} out of place");
        }
    }
    assert!(open.is_empty(), "never ended: {open:?}");
    assert_eq!(values(&ics, "BEGIN"), ["VCALENDAR", "VEVENT", "VALARM"]);
    assert_eq!(values(&ics, "END"), ["VALARM", "VEVENT", "VCALENDAR"]);

    assert_eq!(value(&ics, "VERSION"), "2.0");
    assert_eq!(value(&ics, "PRODID"), PRODUCT_ID);
    assert_eq!(value(&ics, "CALSCALE"), "GREGORIAN");
    assert_eq!(value(&ics, "METHOD"), "PUBLISH");
    assert_eq!(value(&ics, "DTSTAMP"), "20261129T123000Z");
    assert_eq!(
        value(&ics, "UID"),
        "5f0c8a1e9b7d4c2a8e6f3b1d0a9c7e5b@ending-well"
    );
    assert_eq!(value(&ics, "TRANSP"), "TRANSPARENT");
    assert_eq!(
        values(&ics, "DESCRIPTION").len(),
        2,
        "the event's and the alarm's"
    );
}

#[test]
fn nothing_in_the_file_names_or_contacts_anyone() {
    // Words that look like properties stay inside the escaped text.
    let title = "Reread\nATTENDEE:mailto:me@example.org\r\nURL:https://example.org";
    let ics = reminder_ics(&Reminder {
        description: "ORGANIZER:mailto:therapist@example.org\nLOCATION:the clinic",
        uid: "abc\r\nCONTACT:someone",
        ..reminder(day(2026, 11, 29), 1, title)
    });
    let names: Vec<String> = unfold(&ics)
        .iter()
        .map(|line| line.split([':', ';']).next().unwrap().to_ascii_uppercase())
        .collect();
    for forbidden in [
        "ORGANIZER",
        "ATTENDEE",
        "URL",
        "LOCATION",
        "CONTACT",
        "GEO",
        "ATTACH",
        "RELATED-TO",
    ] {
        assert!(
            !names.iter().any(|name| name == forbidden),
            "{forbidden} in:\n{ics}"
        );
    }
    assert_eq!(
        unescape(&value(&ics, "SUMMARY")),
        title.replace("\r\n", "\n")
    );
}

#[test]
fn the_browser_clock_reads_as_the_day_and_time_it_is() {
    let read = Moment::from_unix_ms;
    assert_eq!(read(0.0), moment(day(1970, 1, 1), 0, 0, 0));
    assert_eq!(
        read(1_796_043_487_000.0),
        moment(day(2026, 11, 30), 12, 58, 7),
        "a Monday in November 2026"
    );
    assert_eq!(
        read(1_796_043_487_999.9),
        moment(day(2026, 11, 30), 12, 58, 7),
        "a part of a second does not round up"
    );
    assert_eq!(read(951_782_400_000.0), moment(day(2000, 2, 29), 0, 0, 0));
    assert_eq!(read(-2_203_891_200_000.0), moment(day(1900, 3, 1), 0, 0, 0));
    assert_eq!(read(-1.0), moment(day(1969, 12, 31), 23, 59, 59));
    assert_eq!(read(-62_135_596_800_000.0), moment(day(1, 1, 1), 0, 0, 0));
    assert_eq!(
        read(253_402_300_799_000.0),
        moment(day(9999, 12, 31), 23, 59, 59)
    );
    // Local time is the same moment less the zone's offset: 00:30 UTC is 19:30 the evening
    // before in New York (UTC-5, an offset of 300 minutes as the browser gives it).
    assert_eq!(
        read(1_796_000_000_000.0 - 300.0 * 60_000.0),
        moment(day(2026, 11, 29), 19, 53, 20)
    );
}

#[test]
fn every_day_of_nearly_five_thousand_years_follows_the_one_before() {
    // The first and last days are as Richards' algorithm (a different one) gives them.
    let day_of = |days: i64| Moment::from_unix_ms(days as f64 * 86_400_000.0).day;
    let mut previous = day_of(-900_000);
    assert_eq!(previous, day(-495, 11, 20));
    for days in -899_999..900_000 {
        let today = day_of(days);
        assert_eq!(today, previous.next(), "{days} days from 1970");
        previous = today;
    }
    assert_eq!(previous, day(4434, 2, 11));
}

#[test]
fn a_clock_out_of_range_still_gives_a_real_day() {
    assert_eq!(
        Moment::from_unix_ms(f64::NAN),
        moment(day(1970, 1, 1), 0, 0, 0)
    );
    assert_eq!(
        Moment::from_unix_ms(f64::INFINITY),
        moment(day(275_760, 9, 13), 0, 0, 0),
        "the latest time JavaScript's clock holds"
    );
    assert_eq!(
        Moment::from_unix_ms(f64::NEG_INFINITY),
        moment(day(-271_821, 4, 20), 0, 0, 0),
        "the earliest"
    );
}
