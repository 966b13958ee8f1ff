//! DOM events inside the widget turned into messages: a click on a button names its action in
//! `data-ew-action`, an input names its question and role in `data-ew-question` and
//! `data-ew-role`, and a submitted form names itself in `data-ew-form`.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlFormElement, HtmlInputElement, HtmlTextAreaElement};

use crate::reflection::summary::Output;
use crate::session::Msg;

/// The backup file input, when the event is a file being chosen in it.
pub(super) fn backup_file_input(event: &Event) -> Option<HtmlInputElement> {
    if event.type_() != "change" {
        return None;
    }
    let input: HtmlInputElement = event.target()?.dyn_into().ok()?;
    (input.get_attribute("data-ew-role").as_deref() == Some("backup-file")).then_some(input)
}

/// The message a submitted form means. A passphrase is taken out of its field as it is read:
/// it never stays in the page, whatever comes next.
pub(super) fn submitted(event: &Event) -> Option<Msg> {
    let form: HtmlFormElement = event.target()?.dyn_into().ok()?;
    let field = |name: &str| -> String {
        let input = form
            .query_selector(&format!("input[name={name}]"))
            .ok()
            .flatten()
            .and_then(|input| input.dyn_into::<HtmlInputElement>().ok());
        let Some(input) = input else {
            return String::new();
        };
        let value = input.value();
        input.set_value("");
        value
    };
    match form.get_attribute("data-ew-form")?.as_str() {
        "new-passphrase" => Some(Msg::PassphraseSubmitted {
            passphrase: field("passphrase"),
            confirmation: field("confirmation"),
        }),
        "unlock" => Some(Msg::UnlockSubmitted {
            passphrase: field("passphrase"),
        }),
        "delete" => Some(Msg::DeleteConfirmed),
        _ => None,
    }
}

/// The output a button acts on, named in `data-ew-output`.
fn output(button: &Element) -> Option<Output> {
    match button.get_attribute("data-ew-output")?.as_str() {
        "bring" => Some(Output::Bring),
        "mine" => Some(Output::Mine),
        _ => None,
    }
}

/// "Download the reminder": the title typed and the months chosen on the summary.
fn reminder(root: &Element) -> Option<Msg> {
    let input = |selector: &str| -> Option<HtmlInputElement> {
        root.query_selector(selector).ok()??.dyn_into().ok()
    };
    let title = input("input[data-ew-role=reminder-title]")?.value();
    let months = input("input[data-ew-role=reminder-months]:checked")?
        .value()
        .parse()
        .ok()?;
    Some(Msg::ReminderClicked { title, months })
}

/// Whether `event` is the second (or third) click of a double click on something that acts: a
/// button other than quick exit, an option or its label. Its first click has already changed
/// the screen or opened a dialog, so this one lands on something the client has not seen yet:
/// the next screen's button, a dialog's button, an answer. Keyboard presses count 0, and quick
/// exit always works.
pub(super) fn second_click(event: &Event) -> bool {
    let repeated = event
        .dyn_ref::<web_sys::MouseEvent>()
        .is_some_and(|click| event.type_() == "click" && click.detail() > 1);
    let acts = || {
        let target: Element = event.target()?.dyn_into().ok()?;
        target
            .closest(
                "[data-ew-action]:not([data-ew-action=exit]), label, \
                 input[type=checkbox], input[type=radio]",
            )
            .ok()?
    };
    repeated && acts().is_some()
}

/// Translates a DOM event inside the widget into a message, if it means one.
pub(super) fn message_for(root: &Element, event: &Event) -> Option<Msg> {
    let target: Element = event.target()?.dyn_into().ok()?;
    let number = |element: &Element, name: &str| -> Option<i64> {
        element.get_attribute(name)?.parse().ok()
    };
    let question = |element: &Element| {
        number(element, "data-ew-question").and_then(|q| usize::try_from(q).ok())
    };
    match event.type_().as_str() {
        "click" => {
            let button = target.closest("[data-ew-action]").ok()??;
            if !root.contains(Some(&button)) {
                return None;
            }
            let action = button.get_attribute("data-ew-action")?;
            if second_click(event) {
                return None;
            }
            Some(match action.as_str() {
                "start" => Msg::StartClicked,
                "next" => Msg::NextClicked,
                "back" => Msg::BackClicked,
                "skip" => Msg::SkipClicked,
                "summary" => Msg::SummaryClicked,
                "review" => Msg::ReviewClicked,
                "print" => Msg::PrintClicked(output(&button)?),
                "download-text" => Msg::DownloadTextClicked(output(&button)?),
                "download-html" => Msg::DownloadHtmlClicked(output(&button)?),
                "copy" => Msg::CopyClicked(output(&button)?),
                "reminder" => reminder(root)?,
                "backup" => Msg::BackupClicked,
                "save" => Msg::SaveClicked,
                "save-here" => Msg::SaveHereClicked,
                "delete" => Msg::DeleteClicked,
                "cancel" => Msg::DialogCancelled,
                "skip-unlock" => Msg::ContinueWithoutOpeningClicked,
                "continue" => Msg::ContinueClicked,
                "support" => Msg::SupportClicked,
                "shared-device" => Msg::SharedDeviceClicked,
                "exit" => Msg::QuickExitClicked,
                "language" => Msg::LanguageChosen {
                    language: usize::try_from(number(&button, "data-ew-language")?).ok()?,
                },
                "clear" => Msg::AnswerCleared {
                    question: question(&button)?,
                },
                "change" => Msg::ChangeClicked {
                    question: question(&button)?,
                },
                _ => return None,
            })
        }
        "change" => {
            let input = target.dyn_ref::<HtmlInputElement>()?;
            let question = question(&target)?;
            let value = number(&target, "data-ew-value");
            match (
                target.get_attribute("data-ew-role")?.as_str(),
                input.type_().as_str(),
            ) {
                ("option", "radio") => Some(Msg::OptionChosen {
                    question,
                    option: usize::try_from(value?).ok()?,
                }),
                ("option", "checkbox") => Some(Msg::OptionToggled {
                    question,
                    option: usize::try_from(value?).ok()?,
                    checked: input.checked(),
                }),
                ("other", _) => Some(Msg::OtherToggled {
                    question,
                    checked: input.checked(),
                }),
                ("point", _) => Some(Msg::ScalePointChosen {
                    question,
                    value: value?,
                }),
                ("bring", "checkbox") => Some(Msg::BringChosen {
                    question,
                    bring: input.checked(),
                }),
                _ => None,
            }
        }
        "input" => {
            let question = question(&target)?;
            let text = if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
                input.value()
            } else {
                target.dyn_ref::<HtmlTextAreaElement>()?.value()
            };
            match target.get_attribute("data-ew-role")?.as_str() {
                "text" => Some(Msg::TextChanged { question, text }),
                "other-text" => Some(Msg::OtherTextChanged { question, text }),
                _ => None,
            }
        }
        _ => None,
    }
}
