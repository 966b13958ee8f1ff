//! The clinic's settings: its name, its support contacts and how to come back, where quick exit
//! goes, and whether saving on the device is offered. Read like the questionnaire: every problem with its path.

use serde_json::Value;

use super::changes::{self, Changes};
use super::questionnaire::BUILT_IN_QUESTIONNAIRES;
use crate::languages::interface::{read_entries, Interface};
use crate::languages::multilingual::{localize, FileKind};
use crate::languages::tag::FALLBACK;
use crate::reading::object::{describe, is_language_tag, Object};
use crate::reading::problem::{field_path, with_suggestion, Problem};

/// Where "Leave this page" goes when the clinic has not chosen: a neutral page, as GOV.UK's
/// "Exit this page" component does.
pub const DEFAULT_EXIT_URL: &str = "https://www.bbc.co.uk/weather";

/// The clinic's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The clinic's name.
    pub clinic: Option<String>,
    /// Who a client can contact for support.
    pub support: Support,
    /// How to come back to the clinic after the ending, for the staying-well plan: a few words
    /// and the contacts to use.
    pub coming_back: Support,
    /// What "Leave this page" does.
    pub quick_exit: QuickExit,
    /// Whether "Save my answers on this device" is offered.
    pub saving: bool,
    /// Whether the browser asks before a tab with unsaved answers closes ("Leave site?"). Off by
    /// default: it holds a client who closes the tab in a hurry with their words on screen.
    pub ask_before_leaving: bool,
    /// Whether the browser's spell checker may read the answer fields. Off by default: with
    /// enhanced spell checking turned on, a browser sends the text to a remote service.
    pub spellcheck: bool,
    /// Whether the host page is told where the client is (`ending-well:*` events). Off by
    /// default: analytics scripts on a page hear every event it sees.
    pub events: bool,
    /// Changes to the questionnaire: sections or questions left out, questions reworded.
    pub changes: Changes,
    /// The languages offered, in order, each with its path; all the questionnaire's without.
    pub languages: Option<Vec<(String, String)>>,
    /// The clinic's own interface text, per language, over the built-in text.
    pub interface: Interface,
}

/// Support contacts, shown by "Need support now?" and inline when the check-in shows distress.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Support {
    /// A few words before the contacts.
    pub intro: Option<String>,
    /// The contacts; none until the clinic adds them.
    pub resources: Vec<Resource>,
}

/// One support contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    /// Who it is.
    pub name: String,
    /// A number to call, as written; dialled through a `tel:` link.
    pub phone: Option<String>,
    /// A number to text; opened through an `sms:` link.
    pub text: Option<String>,
    /// A web address (https only).
    pub web: Option<String>,
    /// An email address.
    pub email: Option<String>,
    /// When it is open.
    pub hours: Option<String>,
    /// Anything else worth knowing.
    pub note: Option<String>,
}

/// What quick exit does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuickExit {
    /// The neutral address the page is replaced with.
    pub url: String,
    /// Whether a draft saved on the device is deleted too (by default it stays, encrypted).
    pub delete_draft: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            clinic: None,
            support: Support::default(),
            coming_back: Support::default(),
            quick_exit: QuickExit {
                url: DEFAULT_EXIT_URL.to_owned(),
                delete_draft: false,
            },
            saving: true,
            ask_before_leaving: false,
            spellcheck: false,
            events: false,
            changes: Changes::default(),
            languages: None,
            interface: Interface::new(),
        }
    }
}

/// The fields of the settings object. `questionnaire` belongs to the mount options too.
const FIELDS: [&str; 13] = [
    "questionnaire",
    "built_in",
    "clinic",
    "support",
    "coming_back",
    "quick_exit",
    "saving",
    "ask_before_leaving",
    "spellcheck",
    "events",
    "changes",
    "languages",
    "interface",
];

impl Settings {
    /// What works but a client would miss, for the clinic: no support contacts.
    pub fn warnings(&self) -> Vec<Problem> {
        let mut warnings = Vec::new();
        if self.support.resources.is_empty() {
            warnings.push(Problem::new(
                "support.resources",
                "no support contacts yet: a client who needs support sees general advice (their \
                 local emergency number, a crisis line in their area, their doctor or their \
                 clinic) instead of your own contacts; add them under \"support\"",
            ));
        }
        warnings
    }

    /// Reads settings from the mount options, returning every problem found. Text given per
    /// language is read in English.
    pub fn from_value(value: &Value) -> Result<Self, Vec<Problem>> {
        Self::from_value_in(value, FALLBACK, FALLBACK)
    }

    /// Reads settings from the mount options with text given per language read in `tag`, for a
    /// questionnaire whose own language is `own`, returning every problem found.
    pub fn from_value_in(value: &Value, tag: &str, own: &str) -> Result<Self, Vec<Problem>> {
        let (value, _, mut problems) = localize(value, tag, FileKind::Settings(own));
        let value = &value;
        let mut settings = Self::default();
        if let Some(object) = Object::new(value, "", &mut problems) {
            object.reject_unknown(&FIELDS, &mut problems);
            settings.clinic = object.optional_text("clinic", &mut problems);
            read_built_in(&object, &mut problems);
            if let Some(support) = object.get("support") {
                settings.support = read_support(support, &object.path_of("support"), &mut problems);
            }
            if let Some(coming_back) = object.get("coming_back") {
                settings.coming_back =
                    read_support(coming_back, &object.path_of("coming_back"), &mut problems);
            }
            if let Some(exit) = object.get("quick_exit") {
                read_quick_exit(
                    exit,
                    &object.path_of("quick_exit"),
                    &mut settings,
                    &mut problems,
                );
            }
            if object.get("saving").is_some() {
                settings.saving = object.flag("saving", &mut problems);
            }
            settings.ask_before_leaving = object.flag("ask_before_leaving", &mut problems);
            settings.spellcheck = object.flag("spellcheck", &mut problems);
            settings.events = object.flag("events", &mut problems);
            if let Some(changes) = object.get("changes") {
                settings.changes =
                    changes::read(changes, &object.path_of("changes"), &mut problems);
            }
            if object.get("languages").is_some() {
                settings.languages = Some(read_languages(&object, &mut problems));
            }
            if let Some(interface) = object.get("interface") {
                settings.interface =
                    read_interface(interface, &object.path_of("interface"), &mut problems);
            }
        }
        if problems.is_empty() {
            Ok(settings)
        } else {
            Err(problems)
        }
    }
}

/// `built_in` names one of the built-in questionnaires, and only without a questionnaire of the
/// clinic's own.
fn read_built_in(object: &Object<'_>, problems: &mut Vec<Problem>) {
    let Some(name) = object.optional_text("built_in", problems) else {
        return;
    };
    let names = BUILT_IN_QUESTIONNAIRES.map(|(name, _)| name);
    if !names.contains(&name.as_str()) {
        problems.push(Problem::new(
            object.path_of("built_in"),
            with_suggestion(
                format!(
                    "there is no built-in questionnaire \"{name}\": use \"full\" or \"short\" (about \
                     five minutes)"
                ),
                &name,
                names,
            ),
        ));
    } else if object.get("questionnaire").is_some() {
        problems.push(Problem::new(
            object.path_of("built_in"),
            "choose either a questionnaire of the clinic's own or a built-in one, not both",
        ));
    }
}

fn read_languages(object: &Object<'_>, problems: &mut Vec<Problem>) -> Vec<(String, String)> {
    let items = object.list("languages", problems).unwrap_or_default();
    if items.is_empty() && object.get("languages").is_some_and(Value::is_array) {
        problems.push(Problem::new(
            object.path_of("languages"),
            "is empty: list the languages to offer, like [\"en\", \"es\"], or leave it out",
        ));
    }
    items
        .into_iter()
        .filter_map(|(path, item)| match item.as_str() {
            Some(tag) if is_language_tag(tag) => Some((tag.to_owned(), path)),
            _ => {
                problems.push(Problem::new(
                    path,
                    "expected a language code in quotes, like \"en\" or \"es\"",
                ));
                None
            }
        })
        .collect()
}

fn read_interface(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Interface {
    let mut interface = Interface::new();
    let Value::Object(languages) = value else {
        problems.push(Problem::new(
            path,
            format!(
                "expected an object of language codes, each with interface text, found {}",
                describe(value)
            ),
        ));
        return interface;
    };
    for (tag, entries) in languages {
        let tag_path = field_path(path, tag);
        if !is_language_tag(tag) {
            problems.push(Problem::new(
                tag_path,
                format!("\"{tag}\" is not a language code: use a code like \"en\" or \"es\""),
            ));
            continue;
        }
        interface.push((tag.clone(), read_entries(entries, &tag_path, problems)));
    }
    interface
}

fn read_support(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Support {
    let mut support = Support::default();
    let Some(object) = Object::new(value, path, problems) else {
        return support;
    };
    object.reject_unknown(&["intro", "resources"], problems);
    support.intro = object.optional_text("intro", problems);
    for (path, item) in object.list("resources", problems).unwrap_or_default() {
        let Some(entry) = Object::new(item, &path, problems) else {
            continue;
        };
        entry.reject_unknown(
            &["name", "phone", "text", "web", "email", "hours", "note"],
            problems,
        );
        let name = entry.required_text("name", problems);
        let number = |field: &str, problems: &mut Vec<Problem>| {
            let value = entry.optional_text(field, problems)?;
            if phone_link_target(&value).is_some() {
                Some(value)
            } else {
                problems.push(Problem::new(
                    entry.path_of(field),
                    format!("\"{value}\" is not a phone number: use digits, spaces, +, - and ( )"),
                ));
                None
            }
        };
        let phone = number("phone", problems);
        let text = number("text", problems);
        let web = entry.optional_text("web", problems).and_then(|web| {
            if is_https_url(&web) {
                Some(web)
            } else {
                let message = if web.starts_with("https://") {
                    format!(
                        "\"{web}\" does not plainly name the site it goes to: write https:// then \
                         the site's name, like https://example.org/help, with no \"@\", \"%\" or \
                         number address"
                    )
                } else {
                    format!("\"{web}\" is not a web address starting with https://")
                };
                problems.push(Problem::new(entry.path_of("web"), message));
                None
            }
        });
        let email = entry.optional_text("email", problems).and_then(|email| {
            if is_email(&email) {
                Some(email)
            } else {
                problems.push(Problem::new(
                    entry.path_of("email"),
                    format!("\"{email}\" is not an email address"),
                ));
                None
            }
        });
        let hours = entry.optional_text("hours", problems);
        let note = entry.optional_text("note", problems);
        if let Some(name) = name {
            support.resources.push(Resource {
                name,
                phone,
                text,
                web,
                email,
                hours,
                note,
            });
        }
    }
    support
}

fn read_quick_exit(
    value: &Value,
    path: &str,
    settings: &mut Settings,
    problems: &mut Vec<Problem>,
) {
    let Some(object) = Object::new(value, path, problems) else {
        return;
    };
    object.reject_unknown(&["url", "delete_draft"], problems);
    if let Some(url) = object.optional_text("url", problems) {
        if is_https_url(&url) || is_site_path(&url) {
            settings.quick_exit.url = url;
        } else {
            problems.push(Problem::new(
                object.path_of("url"),
                format!(
                    "\"{url}\" is not usable: use a web address starting with https:// or a path \
                     on this site starting with /"
                ),
            ));
        }
    }
    settings.quick_exit.delete_draft = object.flag("delete_draft", problems);
}

/// Whether `url` is an `https:` address that goes where it plainly says, with nothing that could
/// break out of an attribute. Its host comes straight after `https://`, as a reader sees it: no
/// user name or password before it (`https://good.example@evil.example/` goes to evil.example),
/// no percent-encoding, no IP address, only letters, digits and hyphens; then perhaps a port.
pub fn is_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let (host, port) = authority.split_once(':').unwrap_or((authority, "443"));
    let port_ok =
        port.parse::<u16>().is_ok_and(|port| port > 0) && port.chars().all(|c| c.is_ascii_digit());
    is_host(host)
        && port_ok
        && url
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>' | '\\'))
}

/// Whether `host` is a domain name as people read them: labels of letters, digits and hyphens
/// (not first or last), at least two, the last of letters (or an internationalised `xn--` one).
fn is_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    let label_ok = |label: &&str| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    let top_ok = labels.last().is_some_and(|top| {
        top.starts_with("xn--") || (top.len() >= 2 && top.chars().all(|c| c.is_ascii_alphabetic()))
    });
    labels.len() >= 2 && host.len() <= 253 && labels.iter().all(label_ok) && top_ok
}

/// Whether `path` is a path on this site, like `/` or `/weather`, and not `//elsewhere`.
fn is_site_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && path
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>' | '\\'))
}

/// The digits of a phone number for a `tel:` or `sms:` link, keeping a leading +.
pub fn phone_link_target(number: &str) -> Option<String> {
    let allowed = number
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.'));
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    if !allowed || digits.len() < 3 {
        return None;
    }
    Some(if number.trim_start().starts_with('+') {
        format!("+{digits}")
    } else {
        digits
    })
}

/// Whether `email` is a plain address, `name@domain.example`: letters, digits, `.`, `_`, `+` and
/// `-` before the `@` (no quoting, no `%`, `,` or `;`, which a mail program could take as more
/// recipients or headers), and a domain as [`is_host`] reads one.
fn is_email(email: &str) -> bool {
    let Some((user, domain)) = email.split_once('@') else {
        return false;
    };
    let user_ok = !user.is_empty()
        && user.len() <= 64
        && !user.starts_with('.')
        && !user.ends_with('.')
        && !user.as_bytes().windows(2).any(|pair| pair == b"..")
        && user
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '+' | '-'));
    user_ok && is_host(domain)
}
