//! Whatever xz packs, the decoder gives back byte for byte, for every setting the build could
//! choose; a damaged stream is refused with its problem, never turned into other bytes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::process::{Command, Stdio};

use ending_well_unpack::{unlzma, Decoder, Problem};

/// `bytes` packed by xz as a raw LZMA stream with the settings `lc`, `lp` and `pb`.
fn pack(bytes: &[u8], lc: u32, lp: u32, pb: u32) -> Vec<u8> {
    let mut xz = Command::new("xz")
        .args([
            "--format=raw",
            &format!("--lzma1=preset=9e,lc={lc},lp={lp},pb={pb}"),
            "--stdout",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("xz runs (scripts/setup.sh installs xz-utils)");
    let mut stdin = xz.stdin.take().unwrap();
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input).unwrap());
    let output = xz.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(output.status.success());
    output.stdout
}

fn unpack(packed: &[u8], size: usize, lc: u32, lp: u32, pb: u32) -> Result<Vec<u8>, Problem> {
    let mut out = vec![0; size];
    unlzma(packed, &mut out, lc, lp, pb).map(|()| out)
}

/// Bytes that no match can shorten, the same each run.
fn noise(length: usize, mut seed: u32) -> Vec<u8> {
    (0..length)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as u8
        })
        .collect()
}

/// Text and noise, repeated at every distance: every kind of match, the repeated distances
/// and the longest lengths.
fn repeats() -> Vec<u8> {
    let text = include_bytes!("../../README.md");
    let mut bytes = Vec::new();
    for i in 0..300 {
        bytes.extend_from_slice(&text[..40 + i * 3]);
        bytes.extend(noise(i % 7, i as u32 + 1));
        if i % 50 == 0 {
            bytes.extend([b'x'; 1000]);
        }
    }
    bytes
}

#[test]
fn gives_back_what_xz_packs() {
    let samples: Vec<(&str, Vec<u8>)> = vec![
        ("nothing", Vec::new()),
        ("one byte", vec![0]),
        ("a short repeat", b"abababababababababab".to_vec()),
        ("100,000 of one byte", vec![120; 100_000]),
        ("text", include_bytes!("../../README.md").to_vec()),
        ("noise", noise(50_000, 7)),
        ("text and noise at every distance", repeats()),
    ];
    for (name, bytes) in samples {
        let unpacked = unpack(&pack(&bytes, 3, 0, 0), bytes.len(), 3, 0, 0);
        assert_eq!(unpacked.as_deref(), Ok(&bytes[..]), "{name}");
    }
}

#[test]
fn gives_back_what_every_setting_packs() {
    let bytes = repeats();
    for (lc, lp, pb) in [
        (0, 0, 0),
        (0, 2, 2),
        (1, 1, 1),
        (3, 0, 2),
        (4, 0, 4),
        (2, 2, 0),
        (0, 4, 4),
    ] {
        let unpacked = unpack(&pack(&bytes, lc, lp, pb), bytes.len(), lc, lp, pb);
        assert_eq!(
            unpacked.as_deref(),
            Ok(&bytes[..]),
            "lc={lc} lp={lp} pb={pb}"
        );
    }
}

#[test]
fn gives_back_the_same_a_step_at_a_time() {
    let bytes = repeats();
    let packed = pack(&bytes, 3, 0, 0);
    let mut out = vec![0; bytes.len()];
    let mut decoder = Decoder::new();
    decoder.start(&packed, 3, 0, 0).unwrap();
    let mut ready = 0;
    let mut steps = 0;
    while ready < out.len() {
        let now = decoder.run(&packed, &mut out, ready + 4096).unwrap();
        // At least the step asked for (or the rest), and at most one longest match (273) more.
        assert!(now >= (ready + 4096).min(bytes.len()) && now <= ready + 4096 + 273);
        assert_eq!(
            out[..now],
            bytes[..now],
            "the bytes ready are the right ones"
        );
        ready = now;
        steps += 1;
    }
    assert!(steps >= bytes.len() / (4096 + 273), "{steps} steps");
    assert_eq!(out, bytes);
}

#[test]
fn refuses_a_damaged_stream() {
    let text = include_bytes!("../../README.md");
    let packed = pack(text, 3, 0, 0);
    // Cut short, it reads on as if zeros followed, which goes wrong one way or another.
    assert!(unpack(&packed[..packed.len() / 2], text.len(), 3, 0, 0).is_err());
    // Cut shorter still, it runs out of bytes while it still has output to give.
    assert_eq!(
        unpack(&packed[..20], text.len(), 3, 0, 0),
        Err(Problem::Short)
    );
    assert_eq!(
        unpack(b"not packed at all", 100, 3, 0, 0),
        Err(Problem::Start)
    );
    assert_eq!(unpack(&[0, 0], 10, 3, 0, 0), Err(Problem::Start));
    assert_eq!(unpack(&packed, text.len(), 4, 1, 0), Err(Problem::Settings));
    // Any byte changed: refused, or (as LZMA has no checksum) other bytes of the same length,
    // and never a panic.
    for at in (5..packed.len()).step_by(97) {
        let mut damaged = packed.clone();
        damaged[at] ^= 0x55;
        let _ = unpack(&damaged, text.len(), 3, 0, 0);
    }
}
