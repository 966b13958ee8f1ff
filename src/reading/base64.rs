//! Base64 (RFC 4648, the standard alphabet, with padding) for the byte fields of a saved draft:
//! a few lines here instead of a general crate, since a draft needs only this one form. Decoding
//! is strict, so that a damaged draft is told apart from one Ending Well wrote: the length is a
//! multiple of four, `=` only at the end, and the bits after the last byte are zero.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The character for the six bits at `shift` of `group`.
fn sextet(group: u32, shift: u32) -> char {
    let index = (group >> shift) & 0x3f;
    ALPHABET
        .get(index as usize)
        .map_or('A', |&byte| char::from(byte))
}

/// `bytes` as base64 text.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk.iter().enumerate().fold(0_u32, |group, (at, &byte)| {
            group | u32::from(byte) << (16 - 8 * at)
        });
        out.push(sextet(group, 18));
        out.push(sextet(group, 12));
        out.push(if chunk.len() > 1 {
            sextet(group, 6)
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            sextet(group, 0)
        } else {
            '='
        });
    }
    out
}

/// The bytes of base64 `text`, or `None` if it is not strict, padded standard base64.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if bytes.len() % 4 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let groups = bytes.len() / 4;
    for (number, chunk) in bytes.chunks(4).enumerate() {
        let padding = chunk.iter().rev().take_while(|&&byte| byte == b'=').count();
        // Padding only in the last group, and at most two.
        if padding > 2 || (padding > 0 && number + 1 != groups) {
            return None;
        }
        let mut group = 0_u32;
        for (at, &byte) in chunk.iter().take(4 - padding).enumerate() {
            let value = ALPHABET.iter().position(|&letter| letter == byte)?;
            group |= u32::try_from(value).ok()? << (18 - 6 * at);
        }
        let kept = 3 - padding;
        // The bits after the last byte must be zero, as an encoder writes them.
        if group & (0x00ff_ffff >> (8 * kept)) != 0 {
            return None;
        }
        out.extend(
            [16_u32, 8, 0]
                .iter()
                .take(kept)
                .map(|shift| ((group >> shift) & 0xff) as u8),
        );
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::{decode, encode};

    #[test]
    fn rfc_4648_vectors_round_trip() {
        for (bytes, text) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(bytes.as_bytes()), text);
            assert_eq!(decode(text), Some(bytes.as_bytes().to_vec()), "{text}");
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(decode(&encode(&all)), Some(all));
    }

    #[test]
    fn anything_but_strict_base64_is_refused() {
        for text in [
            "Zg=", "Zg", "Z===", "Zm9v=", "Zg==Zg==", "Zh==", "Zm9=", "Zm 9", "Zm9v\n", "=Zg=",
        ] {
            assert_eq!(decode(text), None, "{text:?}");
        }
    }
}
