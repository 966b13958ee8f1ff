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
pub const PROBLEMS_INTRO: &str = "The questionnaire file has problems. Fix each one below, then \
     reload the page. Nothing you typed has been lost or sent.";

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
