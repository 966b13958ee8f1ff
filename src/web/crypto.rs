//! Encryption through the browser's Web Crypto (`SubtleCrypto`): PBKDF2-SHA256 to an
//! AES-GCM-256 key, a random salt per key and a fresh 12-byte IV per encryption. No
//! hand-written cryptography.

use js_sys::{Array, JsString, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

use crate::answers::draft::{pad, Envelope, ENVELOPE_VERSION, ITERATIONS, IV_BYTES, SALT_BYTES};
use crate::session::saving::forget;

/// A derived key with what derived it, kept in memory only while the client saves.
#[derive(Clone)]
pub(crate) struct DraftKey {
    key: CryptoKey,
    salt: Vec<u8>,
    iterations: u32,
}

fn crypto() -> Result<web_sys::Crypto, JsValue> {
    web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .crypto()
}

fn subtle() -> Result<SubtleCrypto, JsValue> {
    Ok(crypto()?.subtle())
}

/// AES-GCM's parameters for an envelope: its IV and, from version 2, its associated data.
fn gcm_params(envelope: &Envelope) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(envelope.iv.as_slice()));
    if let Some(data) = envelope.associated_data() {
        params.set_additional_data(&Uint8Array::from(data.as_slice()));
    }
    params
}

/// Random bytes from the browser's cryptographic generator.
pub(crate) fn random_bytes(count: usize) -> Result<Vec<u8>, JsValue> {
    let mut bytes = vec![0; count];
    crypto()?.get_random_values_with_u8_array(&mut bytes)?;
    Ok(bytes)
}

/// The passphrase's bytes as the key is derived from them: in Unicode's composed form (NFC) when
/// `normalise`, so that "é" typed as one character or as "e" and an accent gives the same key.
fn passphrase_bytes(passphrase: &str, normalise: bool) -> Vec<u8> {
    if normalise {
        String::from(JsString::from(passphrase).normalize("NFC")).into_bytes()
    } else {
        passphrase.as_bytes().to_vec()
    }
}

impl DraftKey {
    /// A new key from a passphrase, with a fresh random salt, for drafts in today's format.
    pub(crate) async fn new(passphrase: &str) -> Result<Self, JsValue> {
        Self::derive(passphrase, true, random_bytes(SALT_BYTES)?, ITERATIONS).await
    }

    /// The key an envelope was made with, if the passphrase is right.
    pub(crate) async fn for_envelope(
        passphrase: &str,
        envelope: &Envelope,
    ) -> Result<Self, JsValue> {
        let normalise = envelope.normalises_passphrase();
        Self::derive(
            passphrase,
            normalise,
            envelope.salt.clone(),
            envelope.iterations,
        )
        .await
    }

    async fn derive(
        passphrase: &str,
        normalise: bool,
        salt: Vec<u8>,
        iterations: u32,
    ) -> Result<Self, JsValue> {
        let subtle = subtle()?;
        let bytes = passphrase_bytes(passphrase, normalise);
        let secret = Uint8Array::from(bytes.as_slice());
        let imported = subtle.import_key_with_str(
            "raw",
            &secret,
            "PBKDF2",
            false,
            &Array::of1(&"deriveKey".into()),
        );
        // The browser took its own copy when asked (Web Crypto copies the key data at once):
        // neither the module's nor the array's copy needs to outlive the call.
        secret.fill(0, 0, secret.length());
        forget(bytes);
        let base: CryptoKey = JsFuture::from(imported?).await?.dyn_into()?;
        let params = Pbkdf2Params::new(
            "PBKDF2",
            &"SHA-256".into(),
            iterations,
            &Uint8Array::from(salt.as_slice()),
        );
        let aes = AesDerivedKeyParams::new("AES-GCM", 256);
        let key: CryptoKey = JsFuture::from(subtle.derive_key_with_object_and_object(
            &params,
            &base,
            &aes,
            false,
            &Array::of2(&"encrypt".into(), &"decrypt".into()),
        )?)
        .await?
        .dyn_into()?;
        Ok(Self {
            key,
            salt,
            iterations,
        })
    }

    /// Encrypts a draft of the questionnaire `questionnaire`, padded, with a fresh IV, into a
    /// storable envelope in today's format, the questionnaire bound in as associated data.
    pub(crate) async fn seal(
        &self,
        plaintext: &str,
        questionnaire: &str,
    ) -> Result<Envelope, JsValue> {
        let mut envelope = Envelope {
            version: ENVELOPE_VERSION,
            questionnaire: Some(questionnaire.to_owned()),
            iterations: self.iterations,
            salt: self.salt.clone(),
            iv: random_bytes(IV_BYTES)?,
            ciphertext: Vec::new(),
        };
        let params = gcm_params(&envelope);
        let data = pad(plaintext).into_bytes();
        let sealed =
            JsFuture::from(subtle()?.encrypt_with_object_and_u8_array(&params, &self.key, &data)?)
                .await?;
        envelope.ciphertext = Uint8Array::new(&sealed).to_vec();
        Ok(envelope)
    }

    /// Decrypts an envelope; fails for a wrong passphrase or for an envelope changed since it
    /// was sealed (AES-GCM's tag does not match).
    pub(crate) async fn open(&self, envelope: &Envelope) -> Result<String, JsValue> {
        let params = gcm_params(envelope);
        let opened = JsFuture::from(subtle()?.decrypt_with_object_and_u8_array(
            &params,
            &self.key,
            &envelope.ciphertext,
        )?)
        .await?;
        String::from_utf8(Uint8Array::new(&opened).to_vec())
            .map_err(|_| JsValue::from_str("the draft is not text"))
    }
}
