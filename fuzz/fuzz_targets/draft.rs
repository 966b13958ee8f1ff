//! Any bytes as a draft against the built-in questionnaire: as decrypted draft JSON, as a stored
//! envelope or backup file, and through the session as the widget opens a backup file.
#![no_main]

use std::sync::OnceLock;

use ending_well::answers::draft::{self, Envelope, IV_BYTES, MIN_ITERATIONS, SALT_BYTES};
use ending_well::reflection::export::{to_html, to_plain_text};
use ending_well::format::catalog;
use ending_well::{update, Model, Msg, Questionnaire};
use libfuzzer_sys::fuzz_target;

fn questionnaire() -> &'static Questionnaire {
    static QUESTIONNAIRE: OnceLock<Questionnaire> = OnceLock::new();
    QUESTIONNAIRE.get_or_init(|| {
        Questionnaire::from_value(&catalog::default_questionnaire_value())
            .unwrap_or_else(|problems| panic!("the built-in questionnaire: {problems:?}"))
    })
}

thread_local! {
    /// A fresh session on the built-in questionnaire in every shipped language.
    static SESSION: Model = {
        let catalog = catalog::prepare(
            catalog::default_questionnaire_value(),
            serde_json::json!({}),
            "options",
        )
        .unwrap_or_else(|problems| panic!("the built-in questionnaire: {problems:?}"));
        Model::from_catalog(catalog, 0).unwrap_or_else(|| panic!("no language"))
    };
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let questionnaire = questionnaire();
    if let Ok(restored) = draft::decode(questionnaire, text) {
        assert!(restored.answers.count() <= questionnaire.questions.len());
        assert!(restored
            .section
            .is_none_or(|section| section < questionnaire.sections.len()));
        // What was restored saves again to a draft that restores to the same.
        let again = draft::encode(questionnaire, &restored.answers, restored.section);
        let twice = draft::decode(questionnaire, &again)
            .unwrap_or_else(|problem| panic!("{problem:?} from {again}"));
        assert_eq!(twice.answers, restored.answers);
        assert_eq!(twice.section, restored.section);
    }
    if let Ok(envelope) = Envelope::from_json(text) {
        assert!(envelope.iterations >= MIN_ITERATIONS);
        assert!(envelope.salt.len() >= SALT_BYTES);
        assert_eq!(envelope.iv.len(), IV_BYTES);
        assert_eq!(Envelope::from_json(&envelope.to_json()), Ok(envelope));
    }
    // A backup file chosen, a passphrase given, and the text as what it decrypted to.
    let mut model = SESSION.with(Model::clone);
    update(
        &mut model,
        Msg::BackupFileRead {
            text: text.to_owned(),
        },
    );
    update(
        &mut model,
        Msg::UnlockSubmitted {
            passphrase: "a long passphrase".into(),
        },
    );
    update(
        &mut model,
        Msg::DraftDecrypted {
            plaintext: text.to_owned(),
        },
    );
    let summary = model.summary();
    to_plain_text(&summary, model.texts());
    to_html(&summary, model.texts());
});
