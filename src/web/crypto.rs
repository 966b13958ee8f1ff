//! Encryption through the browser's Web Crypto (`SubtleCrypto`): PBKDF2-SHA256 to an
//! AES-GCM-256 key, a random salt per key and a fresh 12-byte IV per encryption. No
//! hand-written cryptography.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

use crate::answers::draft::{Envelope, ITERATIONS, IV_BYTES, SALT_BYTES};

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

/// Random bytes from the browser's cryptographic generator.
fn random_bytes(count: usize) -> Result<Vec<u8>, JsValue> {
    let mut bytes = vec![0; count];
    crypto()?.get_random_values_with_u8_array(&mut bytes)?;
    Ok(bytes)
}

impl DraftKey {
    /// A new key from a passphrase, with a fresh random salt.
    pub(crate) async fn new(passphrase: &str) -> Result<Self, JsValue> {
        Self::derive(passphrase, random_bytes(SALT_BYTES)?, ITERATIONS).await
    }

    /// The key an envelope was made with, if the passphrase is right.
    pub(crate) async fn for_envelope(
        passphrase: &str,
        envelope: &Envelope,
    ) -> Result<Self, JsValue> {
        Self::derive(passphrase, envelope.salt.clone(), envelope.iterations).await
    }

    async fn derive(passphrase: &str, salt: Vec<u8>, iterations: u32) -> Result<Self, JsValue> {
        let subtle = subtle()?;
        let secret = Uint8Array::from(passphrase.as_bytes());
        let base: CryptoKey = JsFuture::from(subtle.import_key_with_str(
            "raw",
            &secret,
            "PBKDF2",
            false,
            &Array::of1(&"deriveKey".into()),
        )?)
        .await?
        .dyn_into()?;
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

    /// Encrypts with a fresh IV into a storable envelope.
    pub(crate) async fn seal(&self, plaintext: &str) -> Result<Envelope, JsValue> {
        let iv = random_bytes(IV_BYTES)?;
        let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(iv.as_slice()));
        let data = plaintext.as_bytes();
        let sealed =
            JsFuture::from(subtle()?.encrypt_with_object_and_u8_array(&params, &self.key, data)?)
                .await?;
        Ok(Envelope {
            iterations: self.iterations,
            salt: self.salt.clone(),
            iv,
            ciphertext: Uint8Array::new(&sealed).to_vec(),
        })
    }

    /// Decrypts an envelope; fails for a wrong passphrase (AES-GCM's tag does not match).
    pub(crate) async fn open(&self, envelope: &Envelope) -> Result<String, JsValue> {
        let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(envelope.iv.as_slice()));
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
