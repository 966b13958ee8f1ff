//! The interface text of one language: every button, message and error the client sees, as the
//! typed [`Texts`], with the text that depends on a number or fills in a placeholder.
//!
//! Each language file in `locales/` is a flat JSON object: a key, then either the text or, for
//! text that depends on a number, an object of CLDR plural forms (`{"one": "{count} question",
//! "other": "{count} questions"}`). Text may name placeholders in braces, filled in by the methods
//! below. How a language's text is put together from the shipped files and the clinic's own is in
//! `built_in`; reading and checking a language file is in `file`.
//!
//! Over 500 lines on purpose: most of it is the list of keys, one declaration with a line of doc
//! per key, kept whole so that every piece of interface text is found in one place.

use crate::languages::plural::{category, Category};

/// Text that depends on a number: one form per CLDR plural category.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plural {
    forms: Vec<(Category, String)>,
}

impl Plural {
    /// Plural text from its forms.
    pub(super) fn new(forms: Vec<(Category, String)>) -> Self {
        Self { forms }
    }

    /// Each form with its category.
    pub(super) fn forms(&self) -> &[(Category, String)] {
        &self.forms
    }

    /// The form for `category`, or the "other" form.
    pub(super) fn form(&self, category: Category) -> &str {
        let find = |wanted: Category| {
            self.forms
                .iter()
                .find(|(category, _)| *category == wanted)
                .map(|(_, text)| text.as_str())
        };
        find(category)
            .or_else(|| find(Category::Other))
            .unwrap_or_default()
    }
}

/// The kind of value a key takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text, possibly with placeholders.
    Text,
    /// Plural forms.
    Plural,
}

/// One value of a language file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// Text.
    Text(String),
    /// Plural forms.
    Plural(Plural),
}

/// The values of one language file, by key. A list, not a map: it is small and read once.
pub type Entries = Vec<(String, Entry)>;

/// Clinic text per language, laid over the built-in text: language tag to entries.
pub type Interface = Vec<(String, Entries)>;

/// The entry of `key` in `entries`.
pub(super) fn find_entry<'a>(entries: &'a Entries, key: &str) -> Option<&'a Entry> {
    entries
        .iter()
        .find(|(name, _)| name == key)
        .map(|(_, entry)| entry)
}

macro_rules! texts {
    (@kind plural) => { Kind::Plural };
    (@kind $other:ident) => { Kind::Text };
    (@read $(#[doc = $doc:literal])* $vis:vis $key:ident text) => {
        $(#[doc = $doc])*
        $vis fn $key(&self) -> &String {
            self.text(Key::$key)
        }
    };
    // Templates and plural text are read through the methods that fill them in, below.
    (@read $(#[doc = $doc:literal])* $vis:vis $key:ident $other:ident) => {};
    ($( $(#[doc = $doc:literal])* $vis:vis $key:ident : $kind:ident ),* $(,)?) => {
        /// Every key, as an index into [`Texts`]' lists.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        enum Key { $( $key ),* }

        /// Every key, with the kind of value it takes.
        pub const KEYS: &[(&str, Kind)] = &[ $( (stringify!($key), texts!(@kind $kind)) ),* ];

        impl Texts {
            $( texts!(@read $(#[doc = $doc])* $vis $key $kind); )*
        }
    };
}

/// How many keys there are.
const COUNT: usize = KEYS.len();

/// The interface text of one language. Its text is kept in two lists in the order of [`KEYS`],
/// filled in one loop: a struct of 183 fields took 8 KB of WebAssembly to fill and drop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts {
    /// The language's tag, which chooses the plural forms.
    pub language: String,
    /// Each key's text; empty for a plural key.
    texts: [String; COUNT],
    /// Each plural key's forms; none for another.
    plurals: [Plural; COUNT],
}

impl Texts {
    /// The text of `language`, each key looked up with `text` or `plural`.
    pub(super) fn from_lookup(
        language: &str,
        text: impl Fn(&str) -> String,
        plural: impl Fn(&str) -> Plural,
    ) -> Self {
        let entry = |index: usize| KEYS.get(index).copied().unwrap_or(("", Kind::Text));
        Self {
            language: language.to_owned(),
            texts: std::array::from_fn(|index| match entry(index) {
                (key, Kind::Text) => text(key),
                (_, Kind::Plural) => String::new(),
            }),
            plurals: std::array::from_fn(|index| match entry(index) {
                (key, Kind::Plural) => plural(key),
                (_, Kind::Text) => Plural::default(),
            }),
        }
    }

    /// The text of `key`. Every key is an index within the list, which has one entry per key.
    #[allow(clippy::indexing_slicing)]
    fn text(&self, key: Key) -> &String {
        &self.texts[key as usize]
    }

    /// The plural text of `key`.
    #[allow(clippy::indexing_slicing)]
    fn plural(&self, key: Key) -> &Plural {
        &self.plurals[key as usize]
    }

    /// Gives the language's own name, which must never fall back to another language's.
    #[allow(clippy::indexing_slicing)]
    pub(super) fn set_language_name(&mut self, name: String) {
        self.texts[Key::language_name as usize] = name;
    }
}

texts! {
/// The language's own name, in the language switcher.
pub language_name: text,
/// Accessible name of the language switcher.
pub language_switcher: text,
/// Label of the built-in "not sure" option.
pub not_sure: text,
/// Label of the built-in "prefer not to say" option.
pub prefer_not_to_say: text,
/// Shown between the ordinary options and the "not sure" ones.
pub or: text,
/// Label of the text box under "something else".
pub other_text_label: text,
/// The button on the introduction.
pub start: text,
/// The main button of a section.
pub continue_label: text,
/// The main button of the last section.
pub check_answers: text,
/// "Section 2 of 10": `{number}`, `{count}`.
pub(crate) section_of: template,
/// "5 of 31 questions answered", by `{total}`: `{answered}`, `{total}`.
pub(crate) answered_of: plural,
/// "3 sections", in the introduction.
pub(crate) count_sections: plural,
/// "about 15 minutes", in the introduction.
pub(crate) count_minutes: plural,
/// Under the introduction's heading: `{sections}`.
pub(crate) intro_meta: template,
/// Under the introduction's heading, with a time: `{sections}`, `{minutes}`.
pub(crate) intro_meta_minutes: template,
/// The main button of a section opened from the review.
pub return_to_review: text,
/// Goes one screen back.
pub back: text,
/// Moves on without answering.
pub skip_section: text,
/// Clears the answer of a radio question, which a browser cannot untick.
pub clear_answer: text,
/// Announced when an answer is cleared.
pub answer_cleared: text,
/// Heading of the review screen.
pub review_heading: text,
/// Under the review heading.
pub review_intro: text,
/// Shown in place of an answer that was skipped.
pub skipped: text,
/// The change button on the review screen; followed by hidden text naming the question.
pub change: text,
/// Hidden text after "Change", before the question.
pub change_hidden_prefix: text,
/// The button that leads from the review to the summary.
pub see_summary: text,
/// Announced when follow-up questions appear below the one just answered.
pub(crate) questions_revealed: plural,
/// A scale answer: `{value}`, `{min}`, `{min_label}`, `{max}`, `{max_label}`.
pub(crate) scale_answer: template,
/// Heading of the summary screen.
pub summary_heading: text,
/// Under the summary heading.
pub summary_intro: text,
/// Shown when nothing was answered.
pub summary_empty: text,
/// Heading of the output the client chose to bring, and the name of the choice on the review.
pub bring_heading: text,
/// Under that heading.
pub bring_intro: text,
/// When nothing is chosen to bring.
pub bring_empty: text,
/// The first page of "To bring".
pub last_session_heading: text,
/// Heading of the other answers the client chose to bring.
pub bring_more_heading: text,
/// Heading of the output that holds everything.
pub mine_heading: text,
/// Under that heading.
pub mine_intro: text,
/// Prints the summary.
pub print: text,
/// Leads from the summary back to the review.
pub change_answers: text,
/// At the top of a downloaded summary.
pub export_note: text,
/// Introduces the label of the "something else" text in a summary.
pub other_prefix: text,
/// Heading of the panel shown for a broken questionnaire file.
pub problems_heading: text,
/// Under that heading, for the clinic's staff.
pub problems_intro: text,
/// "This file has 3 problems." on the problems panel.
pub(crate) problem_count: plural,
/// Name of the downloaded encrypted backup.
pub backup_filename: text,
/// Name of a downloaded "To bring", without the extension.
pub bring_file: text,
/// Name of a downloaded "Just for me", without the extension.
pub mine_file: text,
/// Name of the downloaded calendar reminder, without the extension.
pub reminder_file: text,
/// Downloads the summary as text.
pub download_text: text,
/// Downloads the summary as a web page.
pub download_html: text,
/// Copies the summary.
pub copy: text,
/// Announced after copying.
pub copied: text,
/// Announced when the browser refuses the clipboard.
pub copy_refused: text,
/// Downloads an encrypted backup.
pub download_backup: text,
/// Heading of the calendar reminder on the summary.
pub reminder_heading: text,
/// Under that heading.
pub reminder_intro: text,
/// Label of the reminder's title.
pub reminder_title: text,
/// Hint under the reminder's title.
pub reminder_title_hint: text,
/// The reminder's title when the client leaves it blank.
pub reminder_default_title: text,
/// Legend of the choice of when.
pub reminder_when: text,
/// "In 3 months": an option of when.
pub(crate) reminder_months: plural,
/// The button that downloads the reminder.
pub reminder_download: text,
/// The description inside the calendar event.
pub reminder_description: text,
/// Announced after the reminder was downloaded.
pub reminder_ready: text,
/// The saving status when saving is off.
pub status_off: text,
/// The saving status when the browser will not store anything.
pub saving_unavailable: text,
/// The saving status when an earlier draft was not opened.
pub saving_kept: text,
/// Announced when the first save on this device finishes.
pub saving_started: text,
/// The saving status before the first save finishes.
pub status_saving: text,
/// Announced when storing fails after saving started.
pub save_failed: text,
/// Opens the passphrase dialog to save.
pub save_on_device: text,
/// Opens the confirmation to delete.
pub delete_everything: text,
/// "Saved on this device at 14:32.": `{time}`.
pub(crate) saved_at: template,
/// Heading of the passphrase dialog for saving.
pub save_dialog_heading: text,
/// Explains saving.
pub save_dialog_intro: text,
/// Heading of the passphrase dialog for a backup.
pub backup_dialog_heading: text,
/// Explains the backup.
pub backup_dialog_intro: text,
/// Label of the new passphrase.
pub passphrase: text,
/// Hint of the new passphrase.
pub passphrase_hint: text,
/// Label of the confirmation.
pub passphrase_again: text,
/// Error: too short.
pub passphrase_too_short: text,
/// Error: the two differ.
pub passphrase_mismatch: text,
/// Heading of an error summary.
pub there_is_a_problem: text,
/// Confirms saving.
pub start_saving: text,
/// Confirms the backup.
pub save_backup: text,
/// Closes a dialog without doing anything.
pub cancel: text,
/// Heading of the delete confirmation.
pub delete_heading: text,
/// Explains deleting.
pub delete_intro: text,
/// Confirms deleting.
pub delete_confirm: text,
/// Announced after deleting.
pub deleted: text,
/// Heading of the screen for saved answers found on this device.
pub resume_heading: text,
/// Explains the screen for a stored draft.
pub resume_intro: text,
/// Heading of the screen for a backup file.
pub backup_heading: text,
/// Explains the screen for a backup file.
pub backup_intro: text,
/// Label of the passphrase to open a draft.
pub your_passphrase: text,
/// Opens the draft.
pub open_draft: text,
/// Error: wrong passphrase.
pub wrong_passphrase: text,
/// The wrong passphrase, next to the field.
pub wrong_passphrase_field: text,
/// Deletes the draft and starts again.
pub start_fresh: text,
/// Explains starting fresh.
pub start_fresh_intro: text,
/// Leaves a draft as it is and goes on without it.
pub continue_without_opening: text,
/// Heading of the screen for a draft that cannot be used.
pub unusable_heading: text,
/// A damaged draft.
pub draft_damaged: text,
/// A draft from a newer version.
pub draft_newer: text,
/// A draft from another questionnaire.
pub draft_other: text,
/// Reassures about an unusable draft.
pub draft_left_alone: text,
/// Label of the file input for a backup.
pub open_backup: text,
/// Hint of the file input.
pub open_backup_hint: text,
/// Announced when saved answers were opened.
pub restored: text,
/// Announced when saved answers were opened but some no longer fit.
pub(crate) restored_left_out: plural,
/// Announced while a passphrase is being checked (it takes a moment on purpose).
pub opening: text,
/// Announced when the backup file was offered.
pub backup_ready: text,
/// Announced when the backup could not be made.
pub backup_failed: text,
/// Announced when a chosen file cannot be read.
pub backup_unreadable: text,
/// Announced when a chosen file is far too large to be a backup, and is not read.
pub backup_too_large: text,
/// The saving status after another tab or window saved over this tab's draft.
pub saving_elsewhere: text,
/// The button that saves this tab's answers over what another tab saved.
pub save_here: text,
/// The heading shown if the widget ever stops working.
pub failure_heading: text,
/// What to do when the widget has stopped working.
pub failure_body: text,
/// The start of the note to the therapist.
pub note_therapist_opening: text,
/// The start of the note to the therapist when the client said they feel grateful.
pub note_therapist_thanks: text,
/// Before what helped, in the note to the therapist.
pub note_helped: text,
/// Before what the client is proud of, in the note to the therapist.
pub note_proud: text,
/// Before what the client will keep doing, in the note to the therapist.
pub note_keep_doing: text,
/// Before what the client wants to say, in the note to the therapist.
pub note_to_say: text,
/// The start of the note to the future self.
pub note_self_opening: text,
/// Before what helped, in the note to the future self.
pub note_self_helped: text,
/// Before what the client is proud of, in the note to the future self.
pub note_self_proud: text,
/// Before what to keep doing, in the note to the future self.
pub note_self_keep_doing: text,
/// Before the early signs, in the note to the future self.
pub note_self_signs: text,
/// Before who can help, in the note to the future self.
pub note_self_contact: text,
/// Before the setback plan, in the note to the future self.
pub note_self_setback: text,
/// The start of the note to a next therapist.
pub note_next_opening: text,
/// Before what the client would like a next therapist to know.
pub note_next_know: text,
/// Before what helped, in the note to a next therapist.
pub note_next_helped: text,
/// Before what the client wants to work on, in the note to a next therapist.
pub note_next_goals: text,
/// The hint under a note.
pub note_hint: text,
/// Heading of the plan in the summary.
pub plan_heading: text,
/// Under that heading.
pub plan_intro: text,
/// Plan part.
pub plan_learned: text,
/// Plan part.
pub plan_early_signs: text,
/// Plan part.
pub plan_high_risk: text,
/// Plan part.
pub plan_keep_practising: text,
/// Plan part.
pub plan_goals: text,
/// Plan part.
pub plan_who_can_help: text,
/// Plan part.
pub plan_after_setback: text,
/// Plan part: the clinic's support contacts.
pub plan_support: text,
/// Plan part: how to come back to the clinic.
pub plan_coming_back: text,
/// Heading of the notes in the summary.
pub notes_heading: text,
/// The link to support on every screen.
pub need_support: text,
/// The quick exit button on every screen.
pub leave_page: text,
/// Hidden text after "Leave this page": the keyboard shortcut.
pub leave_page_hint: text,
/// Announced when support contacts appear inline.
pub support_shown: text,
/// Heading of the support contacts.
pub support_heading: text,
/// Heading of the inline support contacts.
pub support_inline_heading: text,
/// Before the contacts, when the clinic wrote nothing of its own.
pub support_intro: text,
/// Shown until the clinic adds its contacts.
pub support_placeholder: text,
/// Always shown with the contacts.
pub support_emergency: text,
/// Heading of the response to thoughts of suicide or self-harm, shown right after the question.
pub safety_heading: text,
/// In that response: this page cannot alert anyone.
pub safety_cannot_alert: text,
/// In that response: please tell someone today, before the contacts.
pub safety_tell_someone: text,
/// In that response: the client can tell their therapist before the last session.
pub safety_therapist: text,
/// In that response: the timing of the ending can be talked about.
pub safety_timing: text,
/// Announced when that response appears.
pub safety_shown: text,
/// Label before a phone number.
pub call: text,
/// Label before a number to text.
pub text_us: text,
/// Label before an email address.
pub email: text,
/// Label before opening hours.
pub hours: text,
/// Hidden text after a link that opens in a new tab.
pub new_tab: text,
/// Closes the support contacts.
pub close: text,
/// Opens the help on using a shared device, from the save bar and the summary.
pub shared_device: text,
/// Heading of that help.
pub shared_heading: text,
/// What a client should know on a shared device: nothing is sent, but traces can stay.
pub shared_intro: text,
/// Downloads and printouts.
pub shared_downloads: text,
/// The clipboard.
pub shared_clipboard: text,
/// The browser's history.
pub shared_history: text,
/// Answers saved on the device.
pub shared_saved: text,
/// Quick exit.
pub shared_leave: text,
/// Heading of the neutral step shown when the page comes back through the browser's history.
pub paused_heading: text,
/// Under that heading: what to do, saying nothing of what is behind it.
pub paused_body: text,
/// The button that goes back to where the client was.
pub paused_continue: text,
/// "Press Shift 2 more times to leave this page."
pub(crate) shift_more: plural,}

impl Texts {
    /// Chooses the plural form for `count` and fills in `{count}` and `args`.
    fn count(&self, plural: &Plural, count: usize, args: &[(&str, &str)]) -> String {
        let form = plural.form(category(&self.language, count));
        let count = count.to_string();
        let mut all = vec![("count", count.as_str())];
        all.extend_from_slice(args);
        fill(form, &all)
    }

    /// "Section 2 of 10".
    pub fn section_of(&self, number: usize, count: usize) -> String {
        fill(
            self.text(Key::section_of),
            &[
                ("number", &number.to_string()),
                ("count", &count.to_string()),
            ],
        )
    }

    /// "5 of 31 questions answered".
    pub fn answered_of(&self, answered: usize, total: usize) -> String {
        let answered = answered.to_string();
        let total_text = total.to_string();
        self.count(
            self.plural(Key::answered_of),
            total,
            &[("answered", &answered), ("total", &total_text)],
        )
    }

    /// "10 sections, about 15 minutes. Every question is optional." for the introduction.
    pub fn intro_meta(&self, minutes: Option<u32>, sections: usize) -> String {
        let sections = self.count(self.plural(Key::count_sections), sections, &[]);
        match minutes {
            Some(minutes) => {
                let minutes = self.count(self.plural(Key::count_minutes), minutes as usize, &[]);
                fill(
                    self.text(Key::intro_meta_minutes),
                    &[("sections", &sections), ("minutes", &minutes)],
                )
            }
            None => fill(self.text(Key::intro_meta), &[("sections", &sections)]),
        }
    }

    /// "In 3 months", for the reminder.
    pub fn reminder_months(&self, months: usize) -> String {
        self.count(self.plural(Key::reminder_months), months, &[])
    }

    /// Announced when follow-up questions appear below the one just answered.
    pub fn questions_revealed(&self, count: usize) -> String {
        self.count(self.plural(Key::questions_revealed), count, &[])
    }

    /// "7, on a scale from 0 (Not at all) to 10 (Very much)".
    pub fn scale_answer(
        &self,
        value: i64,
        min: i64,
        min_label: &str,
        max: i64,
        max_label: &str,
    ) -> String {
        fill(
            self.text(Key::scale_answer),
            &[
                ("value", &value.to_string()),
                ("min", &min.to_string()),
                ("min_label", min_label),
                ("max", &max.to_string()),
                ("max_label", max_label),
            ],
        )
    }

    /// "This file has 3 problems." for the problems panel.
    pub fn problem_count(&self, count: usize) -> String {
        self.count(self.plural(Key::problem_count), count, &[])
    }

    /// "Saved on this device at 14:32."
    pub fn saved_at(&self, time: &str) -> String {
        fill(self.text(Key::saved_at), &[("time", time)])
    }

    /// Announced when a draft was opened, with how many answers no longer fit.
    pub fn restored_announcement(&self, left_out: usize) -> String {
        match left_out {
            0 => self.text(Key::restored).clone(),
            n => self.count(self.plural(Key::restored_left_out), n, &[]),
        }
    }

    /// "Press Shift 2 more times to leave this page."
    pub fn shift_more(&self, remaining: usize) -> String {
        self.count(self.plural(Key::shift_more), remaining, &[])
    }
}

/// Replaces each `{name}` in `template` with its value; unknown names stay as written.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some((before, name_and_rest)) = rest.split_once('{') {
        out.push_str(before);
        let value = name_and_rest.find('}').and_then(|close| {
            let name = name_and_rest.get(..close)?;
            let (_, value) = args.iter().find(|(arg, _)| *arg == name)?;
            Some((*value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = name_and_rest.get(close + 1..).unwrap_or_default();
            }
            None => {
                out.push('{');
                rest = name_and_rest;
            }
        }
    }
    out.push_str(rest);
    out
}
