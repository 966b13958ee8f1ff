//! Every interface string the client sees, in English, in one place.

/// Label of the built-in "not sure" option.
pub const NOT_SURE: &str = "Not sure";
/// Label of the built-in "prefer not to say" option.
pub const PREFER_NOT_TO_SAY: &str = "Prefer not to say";
/// Shown between the ordinary options and the "not sure" ones.
pub const OR: &str = "or";
/// Label of the text box under "something else".
pub const OTHER_TEXT_LABEL: &str = "In your own words";

/// The button on the introduction.
pub const START: &str = "Start";
/// The main button of a section.
pub const CONTINUE: &str = "Continue";
/// The main button of the last section.
pub const CHECK_ANSWERS: &str = "Check your answers";
/// The main button of a section opened from the review.
pub const RETURN_TO_REVIEW: &str = "Save and return to your answers";
/// Goes one screen back.
pub const BACK: &str = "Back";
/// Moves on without answering.
pub const SKIP_SECTION: &str = "Skip this section";
/// Clears the answer of a radio question, which a browser cannot untick.
pub const CLEAR_ANSWER: &str = "Clear this answer";
/// Announced when an answer is cleared.
pub const ANSWER_CLEARED: &str = "Answer cleared";

/// Heading of the review screen.
pub const REVIEW_HEADING: &str = "Check your answers";
/// Under the review heading.
pub const REVIEW_INTRO: &str =
    "Here is everything you wrote. You can change any answer. Nothing has been sent anywhere.";
/// Shown in place of an answer that was skipped.
pub const SKIPPED: &str = "Skipped";
/// The change button on the review screen; followed by hidden text naming the question.
pub const CHANGE: &str = "Change";
/// Hidden text after "Change", before the question.
pub const CHANGE_HIDDEN_PREFIX: &str = " your answer to: ";
/// The button that leads from the review to the summary.
pub const SEE_SUMMARY: &str = "See my summary";

/// Heading of the summary screen.
pub const SUMMARY_HEADING: &str = "Your summary";
/// Under the summary heading.
pub const SUMMARY_INTRO: &str = "This is for you. Nothing has been sent anywhere. You can print \
     it, and you can choose whether to bring it to your last session.";
/// Shown when nothing was answered.
pub const SUMMARY_EMPTY: &str =
    "You have not answered any questions yet. That is fine: you can go back at any time.";
/// Prints the summary.
pub const PRINT: &str = "Print my summary";
/// Leads from the summary back to the review.
pub const CHANGE_ANSWERS: &str = "Change my answers";
/// At the top of a downloaded summary.
pub const EXPORT_NOTE: &str = "Written on this device with Ending Well. Nothing was sent anywhere.";
/// Introduces the label of the "something else" text in a summary.
pub const OTHER_PREFIX: &str = "Something else";

/// Heading of the panel shown for a broken questionnaire file.
pub const PROBLEMS_HEADING: &str = "This questionnaire cannot be shown";
/// Under that heading, for the clinic's staff.
pub const PROBLEMS_INTRO: &str = "The questionnaire or the clinic's settings have problems. Fix \
     each one below, then reload the page. Nothing was sent anywhere.";

/// "Section 2 of 10".
pub fn section_of(number: usize, count: usize) -> String {
    format!("Section {number} of {count}")
}

/// "5 of 31 questions answered".
pub fn answered_of(answered: usize, total: usize) -> String {
    let noun = if total == 1 { "question" } else { "questions" };
    format!("{answered} of {total} {noun} answered")
}

/// "About 15 minutes. Every question is optional." for the introduction.
pub fn intro_meta(minutes: Option<u32>, sections: usize) -> String {
    let sections = plural(sections, "section", "sections");
    match minutes {
        Some(minutes) => format!(
            "{sections}, about {minutes} minutes. Every question is optional. You can stop at \
             any time."
        ),
        None => format!("{sections}. Every question is optional. You can stop at any time."),
    }
}

/// "1 question skipped", "3 questions skipped".
pub fn skipped_count(count: usize) -> String {
    format!("{} skipped.", plural(count, "question", "questions"))
}

/// Announced when a follow-up question appears below the one just answered.
pub fn questions_revealed(count: usize) -> String {
    if count == 1 {
        "A follow-up question appeared below.".to_owned()
    } else {
        format!("{count} follow-up questions appeared below.")
    }
}

/// "7, on a scale from 0 (Not at all) to 10 (Very much)".
pub fn scale_answer(value: i64, min: i64, min_label: &str, max: i64, max_label: &str) -> String {
    format!("{value}, on a scale from {min} ({min_label}) to {max} ({max_label})")
}

/// Count and noun: "1 section", "3 sections".
fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// "This file has 3 problems." for the problems panel.
pub fn problem_count(count: usize) -> String {
    format!("This file has {}.", plural(count, "problem", "problems"))
}

/// Name of the downloaded plain text summary.
pub const TEXT_FILENAME: &str = "ending-well-summary.txt";
/// Name of the downloaded web page summary.
pub const HTML_FILENAME: &str = "ending-well-summary.html";
/// Name of the downloaded encrypted backup.
pub const BACKUP_FILENAME: &str = "ending-well-backup.json";
/// Downloads the summary as text.
pub const DOWNLOAD_TEXT: &str = "Download as a text file";
/// Downloads the summary as a web page.
pub const DOWNLOAD_HTML: &str = "Download as a web page";
/// Copies the summary.
pub const COPY: &str = "Copy to clipboard";
/// Announced after copying.
pub const COPIED: &str = "Your summary was copied.";
/// Announced when the browser refuses the clipboard.
pub const COPY_REFUSED: &str =
    "This browser did not allow copying. You can select the text and copy it yourself.";
/// Downloads an encrypted backup.
pub const DOWNLOAD_BACKUP: &str = "Download an encrypted backup";

/// The saving status when saving is off.
pub const STATUS_OFF: &str =
    "Your answers are only in this page. Nothing is stored on this device.";
/// The saving status when the browser will not store anything.
pub const SAVING_UNAVAILABLE: &str = "Saving is not available in this browser. Your answers stay \
     in this page while it is open.";
/// The saving status when an earlier draft was not opened.
pub const SAVING_KEPT: &str = "Answers saved earlier are on this device. They have not been \
     changed. Open or delete them to save again.";
/// Announced when the first save on this device finishes.
pub const SAVING_STARTED: &str = "Your answers are now saved on this device, locked with your \
     passphrase.";
/// The saving status before the first save finishes.
pub const STATUS_SAVING: &str = "Saving on this device…";
/// Announced when storing fails after saving started.
pub const SAVE_FAILED: &str = "Saving stopped: this browser would not store your answers. They \
     are still here while this page is open.";
/// Opens the passphrase dialog to save.
pub const SAVE_ON_DEVICE: &str = "Save my answers on this device";
/// Opens the confirmation to delete.
pub const DELETE_EVERYTHING: &str = "Delete everything from this device";

/// "Saved on this device at 14:32".
pub fn saved_at(time: &str) -> String {
    format!("Saved on this device at {time}.")
}

/// Heading of the passphrase dialog for saving.
pub const SAVE_DIALOG_HEADING: &str = "Save your answers on this device";
/// Explains saving.
pub const SAVE_DIALOG_INTRO: &str = "Your answers will be locked with a passphrase and kept only \
     in this browser. Anyone without the passphrase cannot read them. If you forget it, your \
     answers cannot be recovered.";
/// Heading of the passphrase dialog for a backup.
pub const BACKUP_DIALOG_HEADING: &str = "Download an encrypted backup";
/// Explains the backup.
pub const BACKUP_DIALOG_INTRO: &str = "The file will be locked with a passphrase. You can open \
     it on another device to carry on. Nothing is stored on this one.";
/// Label of the new passphrase.
pub const PASSPHRASE: &str = "Passphrase";
/// Hint of the new passphrase.
pub const PASSPHRASE_HINT: &str =
    "At least 8 characters. A few words you will remember works well.";
/// Label of the confirmation.
pub const PASSPHRASE_AGAIN: &str = "Type the passphrase again";
/// Error: too short.
pub const PASSPHRASE_TOO_SHORT: &str = "Use at least 8 characters for your passphrase";
/// Error: the two differ.
pub const PASSPHRASE_MISMATCH: &str = "The two passphrases are different. Type them again";
/// Heading of an error summary.
pub const THERE_IS_A_PROBLEM: &str = "There is a problem";
/// Confirms saving.
pub const START_SAVING: &str = "Save on this device";
/// Confirms the backup.
pub const SAVE_BACKUP: &str = "Download backup";
/// Closes a dialog without doing anything.
pub const CANCEL: &str = "Cancel";

/// Heading of the delete confirmation.
pub const DELETE_HEADING: &str = "Delete everything from this device?";
/// Explains deleting.
pub const DELETE_INTRO: &str = "This deletes your answers from this page and any answers saved \
     on this device. It cannot be undone. Files you downloaded are not affected.";
/// Confirms deleting.
pub const DELETE_CONFIRM: &str = "Yes, delete everything";
/// Announced after deleting.
pub const DELETED: &str = "Everything was deleted from this device.";

/// Heading of the screen for saved answers found on this device.
pub const RESUME_HEADING: &str = "Welcome back";
/// Explains the screen for a stored draft.
pub const RESUME_INTRO: &str = "Answers saved earlier are on this device. Enter your passphrase \
     to carry on where you left off.";
/// Heading of the screen for a backup file.
pub const BACKUP_HEADING: &str = "Open your backup";
/// Explains the screen for a backup file.
pub const BACKUP_INTRO: &str = "Enter the passphrase you chose for this backup.";
/// Label of the passphrase to open a draft.
pub const YOUR_PASSPHRASE: &str = "Your passphrase";
/// Opens the draft.
pub const OPEN_DRAFT: &str = "Continue";
/// Error: wrong passphrase.
pub const WRONG_PASSPHRASE: &str = "That passphrase did not open your saved answers. Check it and \
     try again. Nothing has been changed.";
/// The wrong passphrase, next to the field.
pub const WRONG_PASSPHRASE_FIELD: &str = "Check your passphrase and try again";
/// Deletes the draft and starts again.
pub const START_FRESH: &str = "Start fresh";
/// Explains starting fresh.
pub const START_FRESH_INTRO: &str = "Or start fresh: this deletes the saved answers.";
/// Leaves a draft as it is and goes on without it.
pub const CONTINUE_WITHOUT_OPENING: &str = "Continue without opening them";
/// Heading of the screen for a draft that cannot be used.
pub const UNUSABLE_HEADING: &str = "Your saved answers cannot be opened";
/// A damaged draft.
pub const DRAFT_DAMAGED: &str =
    "They seem to be damaged or incomplete, or they were not saved by this reflection.";
/// A draft from a newer version.
pub const DRAFT_NEWER: &str =
    "They were saved by a newer version of this reflection. Try again after the page updates.";
/// A draft from another questionnaire.
pub const DRAFT_OTHER: &str = "They were saved from a different questionnaire.";
/// Reassures about an unusable draft.
pub const DRAFT_LEFT_ALONE: &str =
    "They have been left exactly as they are. You can carry on without them, or delete them.";
/// Label of the file input for a backup.
pub const OPEN_BACKUP: &str = "Continue from a backup file";
/// Hint of the file input.
pub const OPEN_BACKUP_HINT: &str = "A file you downloaded from this reflection before.";

/// Announced when a draft was opened.
pub fn restored(left_out: usize) -> String {
    match left_out {
        0 => "Your saved answers are back.".to_owned(),
        n => format!(
            "Your saved answers are back. {} no longer match the questions and were left out.",
            plural(n, "answer", "answers")
        ),
    }
}

/// Announced while a passphrase is being checked (it takes a moment on purpose).
pub const OPENING: &str = "Checking your passphrase…";
/// Announced when the backup file was offered.
pub const BACKUP_READY: &str = "Your encrypted backup was downloaded.";
/// Announced when the backup could not be made.
pub const BACKUP_FAILED: &str = "The backup could not be made in this browser.";
/// Announced when a chosen file cannot be read.
pub const BACKUP_UNREADABLE: &str = "That file could not be read. Choose the backup file again.";

/// The start of the note to the therapist.
pub const NOTE_THERAPIST_OPENING: &str = "To my therapist,\n\nThank you for our work together.";
/// The end of the note to the therapist.
pub const NOTE_THERAPIST_CLOSING: &str = "With thanks,";
/// Before what helped, in the note to the therapist.
pub const NOTE_HELPED: &str = "What helped me most:";
/// Before what the client is proud of, in the note to the therapist.
pub const NOTE_PROUD: &str = "Something I am proud of:";
/// Before what the client will keep doing, in the note to the therapist.
pub const NOTE_KEEP_DOING: &str = "What I want to keep doing:";
/// Before what the client wants to say, in the note to the therapist.
pub const NOTE_TO_SAY: &str = "Something I want to say:";
/// The start of the note to the future self.
pub const NOTE_SELF_OPENING: &str = "To me, in the months ahead,\n\nYou did real work in therapy. \
     Here is what you want to remember.";
/// The end of the note to the future self.
pub const NOTE_SELF_CLOSING: &str =
    "Be kind to yourself. Setbacks are normal, and you know what to do.";
/// Before what helped, in the note to the future self.
pub const NOTE_SELF_HELPED: &str = "What helped:";
/// Before what the client is proud of, in the note to the future self.
pub const NOTE_SELF_PROUD: &str = "What you are proud of:";
/// Before what to keep doing, in the note to the future self.
pub const NOTE_SELF_KEEP_DOING: &str = "Keep doing this:";
/// Before the setback plan, in the note to the future self.
pub const NOTE_SELF_SETBACK: &str = "If things get hard:";
/// The hint under a note.
pub const NOTE_HINT: &str = "We started this note from your own answers. Change anything you \
     like, clear it, or leave it blank. You choose whether to share it.";

/// Heading of the plan in the summary.
pub const PLAN_HEADING: &str = "Keeping what I gained";
/// Under that heading.
pub const PLAN_INTRO: &str = "Setbacks are normal. They do not undo your progress.";
/// Plan part.
pub const PLAN_EARLY_SIGNS: &str = "Early signs to watch for";
/// Plan part.
pub const PLAN_WHAT_HELPS: &str = "What helps me";
/// Plan part.
pub const PLAN_WHO_TO_CONTACT: &str = "Who I can contact";
/// Plan part.
pub const PLAN_AFTER_SETBACK: &str = "If I have a setback";
/// Heading of the notes in the summary.
pub const NOTES_HEADING: &str = "My notes";

/// The link to support on every screen.
pub const NEED_SUPPORT: &str = "Need support now?";
/// The quick exit button on every screen.
pub const LEAVE_PAGE: &str = "Leave this page";
/// Hidden text after "Leave this page": the keyboard shortcut.
pub const LEAVE_PAGE_HINT: &str = ", or press Shift 3 times";
/// Announced when support contacts appear inline.
pub const SUPPORT_SHOWN: &str = "Support contacts are shown below.";
/// Heading of the support contacts.
pub const SUPPORT_HEADING: &str = "Need support now?";
/// Heading of the inline support contacts.
pub const SUPPORT_INLINE_HEADING: &str = "Support is here if you need it";
/// Before the contacts, when the clinic wrote nothing of its own.
pub const SUPPORT_INTRO: &str =
    "You do not have to carry this alone. Talking to someone can help, \
     today or whenever you are ready.";
/// Shown until the clinic adds its contacts.
pub const SUPPORT_PLACEHOLDER: &str = "Your clinic has not added its support contacts here yet. \
     You can contact your clinic, your family doctor, or a crisis line in your area.";
/// Always shown with the contacts.
pub const SUPPORT_EMERGENCY: &str = "If you are in danger, or you might act on thoughts of \
     harming yourself, call your local emergency number now.";
/// Label before a phone number.
pub const CALL: &str = "Call";
/// Label before a number to text.
pub const TEXT_US: &str = "Text";
/// Label before an email address.
pub const EMAIL: &str = "Email";
/// Label before opening hours.
pub const HOURS: &str = "Hours";
/// Hidden text after a link that opens in a new tab.
pub const NEW_TAB: &str = " (opens in a new tab)";
/// Closes the support contacts.
pub const CLOSE: &str = "Close";

/// "Press Shift 2 more times to leave this page."
pub fn shift_more(remaining: usize) -> String {
    match remaining {
        1 => "Press Shift 1 more time to leave this page.".to_owned(),
        n => format!("Press Shift {n} more times to leave this page."),
    }
}
