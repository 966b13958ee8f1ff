//! Carrying out effects: one exhaustive match, each effect handed to the room that does it, so an
//! effect the session adds does not compile until the page can carry it out.

use std::rc::Rc;

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::spawn_local;

use super::app::App;
use super::dom;
use super::failure;
use super::files;
use super::history;
use super::save_bar::refresh_save_bar;
use super::screens;
use super::top_bar::show_language;
use crate::reflection::summary::Output;
use crate::session::{Effect, Focus, Model, Msg};
use crate::view;

impl App {
    /// Carries out one effect of an update.
    pub(super) fn apply(self: &Rc<Self>, effect: Effect) -> Result<(), JsValue> {
        let model = self.model.borrow();
        let Some(model) = model.as_ref() else {
            return Ok(());
        };
        match effect {
            // ── The screen
            Effect::ShowScreen(focus) => {
                dom::set_hidden(&self.ui.root, false)?;
                self.show_screen(model)?;
                self.focus(focus)
            }
            Effect::Refresh => match view::refresh(model) {
                Some(refresh) => screens::refresh(&self.rendered.borrow(), model.texts(), &refresh),
                None => Ok(()),
            },
            Effect::SyncInputs { question } => screens::sync_inputs(
                &self.rendered.borrow(),
                question,
                model.answers().get(question),
            ),
            Effect::FocusQuestion(question) => self.rendered.borrow().focus_question(question),
            Effect::Announce(message) => {
                self.announce(&message);
                Ok(())
            }
            Effect::ShowDialog => self.show_dialog(model),
            Effect::RefreshSaveBar => {
                refresh_save_bar(&self.ui.save_bar, model.texts(), &view::save_bar(model))
            }
            Effect::LanguageChanged => {
                show_language(&self.ui, model)?;
                failure::watch(&self.ui.root, model.texts());
                self.show_screen(model)?;
                match self.ui.languages.query_selector("[aria-current]")? {
                    Some(current) => dom::focus(&current),
                    None => Ok(()),
                }
            }

            // ── The browser and the host page
            Effect::RecordPlace(screen) => history::record(&self.ui.prefix, screen),
            Effect::Notify(notice) => self.notify(notice),
            // The page prints the one output asked for: the stylesheet hides the other.
            Effect::Print(output) => {
                self.ui.root.set_attribute(
                    "data-ew-printing",
                    match output {
                        Output::Bring => "bring",
                        Output::Mine => "mine",
                    },
                )?;
                match web_sys::window() {
                    Some(window) => window.print(),
                    None => Ok(()),
                }
            }
            Effect::DownloadReminder {
                filename,
                title,
                description,
                months,
            } => {
                let file = files::reminder_file(&title, &description, months)?;
                self.download(&filename, "text/calendar;charset=utf-8", &file)?;
                self.announce(self.texts().reminder_ready());
                Ok(())
            }
            Effect::Download {
                filename,
                mime,
                content,
            } => self.download(&filename, mime, &content),
            Effect::Copy(content) => {
                let app = Rc::clone(self);
                spawn_local(async move {
                    let copied = files::copy(&content).await;
                    app.dispatch(Msg::CopyFinished { copied });
                });
                Ok(())
            }

            // ── Saving on this device and backups
            Effect::StartSaving { passphrase, draft } => {
                self.start_saving(passphrase, draft);
                Ok(())
            }
            Effect::SaveDraft { draft } => {
                self.save_draft(draft);
                Ok(())
            }
            Effect::ClaimStored => {
                self.claim_stored();
                Ok(())
            }
            Effect::Decrypt {
                passphrase,
                envelope,
                keep_key,
            } => {
                self.decrypt(passphrase, envelope, keep_key);
                Ok(())
            }
            Effect::DownloadBackup { passphrase, draft } => {
                self.download_backup(passphrase, draft);
                Ok(())
            }
            Effect::DeleteStored => {
                self.delete_stored();
                Ok(())
            }

            // ── Safety
            Effect::QuickExit { url, delete_draft } => self.quick_exit(url, delete_draft),
        }
    }

    /// Builds the screen the model is on, replacing the one showing.
    fn show_screen(&self, model: &Model) -> Result<(), JsValue> {
        let rendered = screens::show(
            &self.ui.dom,
            model.texts(),
            &self.ui.screen,
            &self.ui.prefix,
            &view::view(model),
        )?;
        *self.rendered.borrow_mut() = rendered;
        Ok(())
    }

    /// Moves focus on the new screen.
    fn focus(&self, focus: Focus) -> Result<(), JsValue> {
        let rendered = self.rendered.borrow();
        match focus {
            Focus::Heading => match rendered.heading() {
                Some(heading) => dom::focus(heading),
                None => Ok(()),
            },
            Focus::Question(question) => rendered.focus_question(question),
            Focus::ChangeButton(question) => rendered.focus_change_button(question),
            Focus::Error => match self.ui.screen.query_selector(".ew-error-summary")? {
                Some(summary) => dom::focus(&summary),
                None => Ok(()),
            },
        }
    }
}
