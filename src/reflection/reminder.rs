//! A reminder to reread the note and the plan, as an iCalendar file (RFC 5545) the client can
//! open in their own calendar app: one all-day event some months ahead, with an alarm at 09:00.
//!
//! The file holds only what the client chose to put in it: no organiser, attendee, address,
//! link or place, so adding it to a calendar tells nobody anything and invites nobody.

/// A day in the calendar: the client's local date, as the browser gives it.
///
/// Any values can be held; an impossible day (month 13, 31 April) is read as the nearest real
/// one (December, 30 April) wherever a date is worked out from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    /// The year, e.g. 2026.
    pub year: i32,
    /// The month, 1 (January) to 12 (December).
    pub month: u32,
    /// The day of the month, from 1.
    pub day: u32,
}

impl Day {
    /// The same day `months` months later, or the last day of that month if it is shorter:
    /// 31 January 2027 + 1 month is 28 February 2027, and 29 February 2028 + 12 months is
    /// 28 February 2029.
    pub fn months_later(self, months: u32) -> Day {
        let real = self.real();
        let index = i64::from(real.year) * 12 + i64::from(real.month) - 1 + i64::from(months);
        let year = saturate(index.div_euclid(12));
        // `rem_euclid(12)` is 0 to 11, so the month is 1 to 12.
        let month = u32::try_from(index.rem_euclid(12) + 1).unwrap_or(12);
        Day {
            year,
            month,
            day: real.day.min(days_in_month(year, month)),
        }
    }

    /// The day after this one: 31 December 2026 is followed by 1 January 2027.
    pub fn next(self) -> Day {
        let real = self.real();
        if real.day < days_in_month(real.year, real.month) {
            Day {
                day: real.day + 1,
                ..real
            }
        } else if real.month < 12 {
            Day {
                month: real.month + 1,
                day: 1,
                ..real
            }
        } else {
            Day {
                year: real.year.saturating_add(1),
                month: 1,
                day: 1,
            }
        }
    }

    /// The day `days` days after 1 January 1970 (before it, when negative), in the
    /// (proleptic) Gregorian calendar. Howard Hinnant's `civil_from_days`: days are counted in
    /// eras of 400 years, each 146,097 days long, from 1 March of year 0.
    fn from_days(days: i64) -> Day {
        let days = days + 719_468;
        let era = days.div_euclid(146_097);
        let of_era = days.rem_euclid(146_097);
        let year_of_era = (of_era - of_era / 1460 + of_era / 36_524 - of_era / 146_096) / 365;
        let of_year = of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        // Months counted from March: 0 is March, 11 is February.
        let from_march = (5 * of_year + 2) / 153;
        let day = of_year - (153 * from_march + 2) / 5 + 1;
        let month = if from_march < 10 {
            from_march + 3
        } else {
            from_march - 9
        };
        Day {
            year: saturate(era * 400 + year_of_era + i64::from(month <= 2)),
            month: u32::try_from(month).unwrap_or(1),
            day: u32::try_from(day).unwrap_or(1),
        }
    }

    /// The nearest real day: the month brought into 1 to 12, the day into the month's length.
    fn real(self) -> Day {
        let month = self.month.clamp(1, 12);
        Day {
            year: self.year,
            month,
            day: self.day.clamp(1, days_in_month(self.year, month)),
        }
    }

    /// The day as an iCalendar DATE, `YYYYMMDD`. iCalendar years have four digits, so a day
    /// outside the years 0000 to 9999 is written as the nearest day within them.
    fn ics_date(self) -> String {
        let real = self.real();
        let day = if real.year < 0 {
            Day {
                year: 0,
                month: 1,
                day: 1,
            }
        } else if real.year > 9999 {
            Day {
                year: 9999,
                month: 12,
                day: 31,
            }
        } else {
            real
        };
        format!("{:04}{:02}{:02}", day.year, day.month, day.day)
    }
}

/// A moment in Coordinated Universal Time (UTC), to the second: when the file was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    /// The day, in UTC (not the client's local day).
    pub day: Day,
    /// The hour, 0 to 23.
    pub hour: u32,
    /// The minute, 0 to 59.
    pub minute: u32,
    /// The second, 0 to 59; a leap second 60 is written as 59.
    pub second: u32,
}

/// The earliest and latest times JavaScript's clock can hold, in milliseconds from 1970.
const CLOCK_RANGE_MS: f64 = 8.64e15;

impl Moment {
    /// The moment `ms` milliseconds after the start of 1 January 1970 (UTC), as the browser's
    /// clock (`Date.now()`) gives it; less a time zone's offset, the same moment on that zone's
    /// clock. A time outside the clock's range (about 270,000 years either way) or not a number
    /// is read as the nearest time within it, or 1970.
    pub fn from_unix_ms(ms: f64) -> Moment {
        let ms = if ms.is_nan() {
            0.0
        } else {
            ms.clamp(-CLOCK_RANGE_MS, CLOCK_RANGE_MS)
        };
        // Within the range, whole seconds fit an i64 exactly (`as` saturates in any case).
        let seconds = (ms / 1000.0).floor() as i64;
        let of_day = seconds.rem_euclid(86_400);
        let part = |value: i64| u32::try_from(value).unwrap_or(0);
        Moment {
            day: Day::from_days(seconds.div_euclid(86_400)),
            hour: part(of_day / 3600),
            minute: part(of_day % 3600 / 60),
            second: part(of_day % 60),
        }
    }

    /// The moment as an iCalendar UTC DATE-TIME, e.g. `20261129T123000Z`. Out-of-range values
    /// are written as the nearest valid ones, so the file always reads.
    fn ics_date_time(self) -> String {
        format!(
            "{}T{:02}{:02}{:02}Z",
            self.day.ics_date(),
            self.hour.min(23),
            self.minute.min(59),
            self.second.min(59)
        )
    }
}

/// What a reminder is made from. Every piece of text is the caller's; none is sent anywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reminder<'a> {
    /// Today, in the client's local calendar.
    pub today: Day,
    /// How many months ahead the reminder falls: 1, 3 or 6 in the widget, any number works.
    pub months: u32,
    /// The event's title, in the client's own neutral words. Space around it is dropped.
    pub title: &'a str,
    /// The title used when `title` is blank, from the interface text.
    pub fallback_title: &'a str,
    /// The event's description, e.g. what to reread and where the files were saved.
    pub description: &'a str,
    /// When the file is made (its DTSTAMP), from the caller's clock.
    pub stamp: Moment,
    /// The event's unique id (its UID), which the caller makes from random bytes so that it
    /// says nothing about the client, e.g. 32 hexadecimal digits followed by `@ending-well`.
    /// Calendars use it to tell one reminder from another, so it must not be blank.
    pub uid: &'a str,
}

/// The PRODID of every file: who made it, naming no clinic and no client.
pub const PRODUCT_ID: &str = "-//Ending Well//Reminder//EN";

/// The reminder as the text of an `.ics` file: one all-day event `months` months after
/// `today` (on the month's last day if it is shorter, see [`Day::months_later`]), marked free
/// and private, with an alarm at 09:00 on that day showing the title.
///
/// The file uses CRLF line endings, escapes every piece of text and folds lines longer than
/// 75 octets without splitting a character, as RFC 5545 asks.
pub fn reminder_ics(reminder: &Reminder<'_>) -> String {
    let start = reminder.today.months_later(reminder.months);
    let title = match reminder.title.trim() {
        "" => reminder.fallback_title.trim(),
        own => own,
    };
    let title = escape_text(title);
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!("PRODID:{PRODUCT_ID}"),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", escape_text(reminder.uid)),
        format!("DTSTAMP:{}", reminder.stamp.ics_date_time()),
        format!("DTSTART;VALUE=DATE:{}", start.ics_date()),
        format!("DTEND;VALUE=DATE:{}", start.next().ics_date()),
        format!("SUMMARY:{title}"),
        format!("DESCRIPTION:{}", escape_text(reminder.description)),
        // Free, so the day does not show as busy to anyone who can see the calendar; private,
        // so a shared calendar shows others no title.
        "TRANSP:TRANSPARENT".to_owned(),
        "CLASS:PRIVATE".to_owned(),
        "BEGIN:VALARM".to_owned(),
        "ACTION:DISPLAY".to_owned(),
        // Nine hours after the start of the all-day event: 09:00 on the day, in local time.
        "TRIGGER:PT9H".to_owned(),
        format!("DESCRIPTION:{title}"),
        "END:VALARM".to_owned(),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    let mut out = String::new();
    for line in &lines {
        push_folded(&mut out, line);
    }
    out
}

/// The longest a line may be, in octets, not counting its CRLF (RFC 5545, 3.1).
const MAX_LINE_OCTETS: usize = 75;

/// Adds one content line, folded so that no physical line is longer than 75 octets: a CRLF and
/// a space are put before any character that would not fit, never inside one.
fn push_folded(out: &mut String, line: &str) {
    let mut octets = 0;
    for c in line.chars() {
        if octets + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// Escapes a TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma with a backslash,
/// each line break (CRLF, LF or CR) as `\n`. Other control characters, which TEXT cannot hold,
/// are dropped; a tab is kept.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            other if other.is_ascii_control() => {}
            other => out.push(other),
        }
    }
    out
}

/// Days in a month of the Gregorian calendar; `month` is 1 to 12.
fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Whether a year of the (proleptic) Gregorian calendar has 29 February.
fn is_leap_year(year: i32) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

/// A year worked out in a wider type, held at the ends of `i32`'s range.
fn saturate(year: i64) -> i32 {
    i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX })
}
