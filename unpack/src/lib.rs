//! Unpacks Ending Well's WebAssembly module. The release ships the module compressed with LZMA
//! (`xz --format=raw --lzma1=…`, by `scripts/embed-wasm.mjs`): 14% smaller on the wire than the
//! best deflate, the one format the browser's own `DecompressionStream` can undo. This crate,
//! built to a WebAssembly module of its own of a few kilobytes and shipped beside the packed
//! bytes, gives the module back as the page compiles it, 64 KB at a time. In a cold page the
//! same decoder written in JavaScript ran mostly in the interpreter, and the module was ready
//! two and a half times later (docs/performance.md, "The module in LZMA").
//!
//! LZMA is a range coder over adaptive bit probabilities: each literal is coded bit by bit in
//! the context of the byte before it (`lc` bits of it) and of its position (`lp` bits); each
//! match as a length and a distance, with the four latest distances ("reps") cheap to repeat.
//! It needs no allocation: the probabilities live in the [`Decoder`], the bytes where the caller
//! puts them.
#![no_std]

/// Why a stream could not be unpacked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// `lc`, `lp` or `pb` out of range: here lc + lp ≤ 4 and pb ≤ 4.
    Settings = 1,
    /// The stream does not begin as an LZMA stream does.
    Start = 2,
    /// A match refers back before the start of the output.
    Before = 3,
    /// The stream ends before the output is whole.
    Short = 4,
}

/// A probability: a bit's chance of being 0, out of 2048. Each starts at a half.
const HALF: u16 = 1024;
/// The states of the coder, by what the last few symbols were (literals, matches, reps).
const STATES: usize = 12;
/// Room for 16 position states (pb ≤ 4) in the tables indexed by state and position.
const POSITIONS: usize = 16;

/// Where each table of probabilities begins in the one array that holds them.
const IS_MATCH: usize = 0;
const IS_REP: usize = IS_MATCH + STATES * POSITIONS;
const IS_REP_G0: usize = IS_REP + STATES;
const IS_REP_G1: usize = IS_REP_G0 + STATES;
const IS_REP_G2: usize = IS_REP_G1 + STATES;
const IS_REP0_LONG: usize = IS_REP_G2 + STATES;
/// Six bits of a distance's slot, for each of four length classes.
const SLOTS: usize = IS_REP0_LONG + STATES * POSITIONS;
/// The low bits of distances under 128 (slots 4 to 13), in trees that share one array.
const SPECIAL: usize = SLOTS + (4 << 6);
/// The lowest four bits of longer distances.
const ALIGN: usize = SPECIAL + 1 + 114;
/// A length coder: two choices, then 3 bits by position (2–9), 3 more (10–17), or 8 (18–273).
const LENGTH: usize = 2 + (POSITIONS << 3) * 2 + 256;
const MATCH_LENGTH: usize = ALIGN + 16;
const REP_LENGTH: usize = MATCH_LENGTH + LENGTH;
const LITERALS: usize = REP_LENGTH + LENGTH;
/// Every probability, for the most literal context this decoder takes (lc + lp = 4).
const ALL: usize = LITERALS + (0x300 << 4);

/// The range decoder: the packed bytes, where it has read to, and its range and code.
struct Range<'a> {
    packed: &'a [u8],
    at: usize,
    range: u32,
    code: u32,
}

impl Range<'_> {
    /// The next packed byte; past the end, 0 (`at` then tells that the stream was short).
    #[inline(always)]
    fn byte(&mut self) -> u32 {
        let byte = self.packed.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        u32::from(byte)
    }

    #[inline(always)]
    fn normalize(&mut self) {
        if self.range < 1 << 24 {
            self.range <<= 8;
            self.code = (self.code << 8) | self.byte();
        }
    }

    /// One bit, with the probability `p`, which it updates.
    #[inline(always)]
    fn bit(&mut self, p: &mut u16) -> usize {
        let bound = (self.range >> 11) * u32::from(*p);
        let bit = if self.code < bound {
            self.range = bound;
            *p += (2048 - *p) >> 5;
            0
        } else {
            self.range -= bound;
            self.code -= bound;
            *p -= *p >> 5;
            1
        };
        self.normalize();
        bit
    }

    /// `count` bits, most significant first, from a tree of probabilities (`probs[1..]`).
    fn tree(&mut self, probs: &mut [u16], count: u32) -> usize {
        let mut m = 1;
        for _ in 0..count {
            m = (m << 1) | self.bit(&mut probs[m]);
        }
        m - (1 << count)
    }

    /// The same, least significant bit first: the low bits of a distance.
    fn reverse(&mut self, probs: &mut [u16], count: u32) -> u32 {
        let mut m = 1;
        let mut symbol = 0;
        for i in 0..count {
            let bit = self.bit(&mut probs[m]);
            m = (m << 1) | bit;
            symbol |= (bit as u32) << i;
        }
        symbol
    }

    /// `count` bits at even odds: the middle bits of a long distance.
    fn direct(&mut self, count: u32) -> u32 {
        let mut result = 0;
        for _ in 0..count {
            self.range >>= 1;
            let bit = u32::from(self.code >= self.range);
            if bit == 1 {
                self.code -= self.range;
            }
            result = (result << 1) | bit;
            self.normalize();
        }
        result
    }

    /// A length, less the shortest (2), from the length coder `probs` at `position`.
    fn length(&mut self, probs: &mut [u16], position: usize) -> usize {
        let (choices, trees) = probs.split_at_mut(2);
        let (low, rest) = trees.split_at_mut(POSITIONS << 3);
        let (mid, high) = rest.split_at_mut(POSITIONS << 3);
        let at = position << 3;
        if self.bit(&mut choices[0]) == 0 {
            self.tree(&mut low[at..at + 8], 3)
        } else if self.bit(&mut choices[1]) == 0 {
            8 + self.tree(&mut mid[at..at + 8], 3)
        } else {
            16 + self.tree(high, 8)
        }
    }

    /// A match's distance, less one, for a length (less two) of `length`; `u32::MAX` is the
    /// end marker.
    fn distance(&mut self, probs: &mut [u16], length: usize) -> u32 {
        let class = SLOTS + (length.min(3) << 6);
        let slot = self.tree(&mut probs[class..class + 64], 6) as u32;
        if slot < 4 {
            return slot;
        }
        let bits = (slot >> 1) - 1;
        let distance = (2 | (slot & 1)) << bits;
        if slot < 14 {
            let at = SPECIAL + (distance - slot) as usize;
            return distance + self.reverse(&mut probs[at..], bits);
        }
        let middle = self.direct(bits - 4) << 4;
        distance + middle + self.reverse(&mut probs[ALIGN..ALIGN + 16], 4)
    }
}

/// Fills `out` with the bytes the raw LZMA stream `packed` holds, coded with `lc` literal
/// context bits, `lp` literal position bits and `pb` position bits.
pub fn unlzma(packed: &[u8], out: &mut [u8], lc: u32, lp: u32, pb: u32) -> Result<(), Problem> {
    let mut decoder = Decoder::new();
    decoder.start(packed, lc, lp, pb)?;
    decoder.run(packed, out, out.len()).map(|_| ())
}

/// A stream being unpacked, a step at a time: where the range decoder and the output have got
/// to, and every probability, so that it goes on where it stopped.
pub struct Decoder {
    at: usize,
    range: u32,
    code: u32,
    lc: u32,
    lp: u32,
    pb: u32,
    state: usize,
    reps: [usize; 4],
    pos: usize,
    probs: [u16; ALL],
}

impl Default for Decoder {
    fn default() -> Self {
        Self::new()
    }
}

impl Decoder {
    /// A decoder with nothing to decode yet. Its probabilities are zero until `start` sets them:
    /// so the page's decoder, a `static`, costs no bytes in the module.
    pub const fn new() -> Self {
        Self {
            at: 0,
            range: 0,
            code: 0,
            lc: 0,
            lp: 0,
            pb: 0,
            state: 0,
            reps: [0; 4],
            pos: 0,
            probs: [0; ALL],
        }
    }

    /// Starts on the raw LZMA stream `packed`, coded with `lc` literal context bits, `lp`
    /// literal position bits and `pb` position bits.
    pub fn start(&mut self, packed: &[u8], lc: u32, lp: u32, pb: u32) -> Result<(), Problem> {
        if lc + lp > 4 || pb > 4 {
            return Err(Problem::Settings);
        }
        let (Some(&0), Some(code)) = (packed.first(), packed.get(1..5)) else {
            return Err(Problem::Start);
        };
        self.at = 5;
        self.range = u32::MAX;
        self.code = u32::from_be_bytes([code[0], code[1], code[2], code[3]]);
        (self.lc, self.lp, self.pb) = (lc, lp, pb);
        self.state = 0;
        self.reps = [0; 4];
        self.pos = 0;
        self.probs.fill(HALF);
        Ok(())
    }

    /// Goes on unpacking `packed` into `out` (the same each time) until at least `until` bytes
    /// of it are ready, or all of them; returns how many are.
    pub fn run(&mut self, packed: &[u8], out: &mut [u8], until: usize) -> Result<usize, Problem> {
        let mut range = Range {
            packed,
            at: self.at,
            range: self.range,
            code: self.code,
        };
        let decoded = self.decode(&mut range, out, until.min(out.len()));
        self.at = range.at;
        self.range = range.range;
        self.code = range.code;
        // Past its end, the stream reads as zeros, which go wrong one way or another: it was short.
        if range.at > packed.len() {
            return Err(Problem::Short);
        }
        decoded.map(|()| self.pos)
    }

    /// The decoding itself, for `run`, from the range decoder `range`.
    fn decode(
        &mut self,
        range: &mut Range<'_>,
        out: &mut [u8],
        until: usize,
    ) -> Result<(), Problem> {
        let (lc, lp, pb) = (self.lc, self.lp, self.pb);
        let probs = &mut self.probs;
        let size = out.len();
        let position_mask = (1 << pb) - 1;
        let literal_mask = (1 << lp) - 1;
        let mut state = self.state;
        let mut reps = self.reps;
        let mut pos = self.pos;
        // A closure, so that whatever it returns, where it got to is written back below.
        let result = (|| {
            while pos < until {
                let position = pos & position_mask;
                if range.bit(&mut probs[IS_MATCH + (state << 4) + position]) == 0 {
                    let previous = if pos > 0 {
                        usize::from(out[pos - 1])
                    } else {
                        0
                    };
                    let context = ((pos & literal_mask) << lc) + (previous >> (8 - lc));
                    let at = LITERALS + 0x300 * context;
                    // As an array, so that the indexes below (all under 0x300) need no checks.
                    let literal: &mut [u16; 0x300] = (&mut probs[at..at + 0x300])
                        .try_into()
                        .map_err(|_| Problem::Settings)?;
                    let mut symbol = 1;
                    if state >= 7 {
                        // After a match, the byte the last distance points at steers the first bits.
                        let mut matched = usize::from(out[pos - reps[0] - 1]);
                        while symbol < 0x100 {
                            let match_bit = (matched >> 7) & 1;
                            matched <<= 1;
                            let bit = range.bit(&mut literal[((1 + match_bit) << 8) + symbol]);
                            symbol = (symbol << 1) | bit;
                            if match_bit != bit {
                                break;
                            }
                        }
                    }
                    while symbol < 0x100 {
                        symbol = (symbol << 1) | range.bit(&mut literal[symbol]);
                    }
                    out[pos] = symbol as u8;
                    pos += 1;
                    state = match state {
                        0..=3 => 0,
                        4..=9 => state - 3,
                        _ => state - 6,
                    };
                    continue;
                }
                let length = if range.bit(&mut probs[IS_REP + state]) == 1 {
                    if pos == 0 {
                        return Err(Problem::Before);
                    }
                    if range.bit(&mut probs[IS_REP_G0 + state]) == 0 {
                        if range.bit(&mut probs[IS_REP0_LONG + (state << 4) + position]) == 0 {
                            // One byte, from the last distance.
                            state = if state < 7 { 9 } else { 11 };
                            out[pos] = out[pos - reps[0] - 1];
                            pos += 1;
                            continue;
                        }
                    } else {
                        let distance = if range.bit(&mut probs[IS_REP_G1 + state]) == 0 {
                            reps[1]
                        } else {
                            let distance = if range.bit(&mut probs[IS_REP_G2 + state]) == 0 {
                                reps[2]
                            } else {
                                let distance = reps[3];
                                reps[3] = reps[2];
                                distance
                            };
                            reps[2] = reps[1];
                            distance
                        };
                        reps[1] = reps[0];
                        reps[0] = distance;
                    }
                    state = if state < 7 { 8 } else { 11 };
                    range.length(&mut probs[REP_LENGTH..REP_LENGTH + LENGTH], position)
                } else {
                    reps = [0, reps[0], reps[1], reps[2]];
                    let length =
                        range.length(&mut probs[MATCH_LENGTH..MATCH_LENGTH + LENGTH], position);
                    state = if state < 7 { 7 } else { 10 };
                    let distance = range.distance(probs, length);
                    if distance == u32::MAX {
                        // The end marker, which a stream of known size may still carry: it must come
                        // after the last byte.
                        return Err(Problem::Short);
                    }
                    reps[0] = distance as usize;
                    length
                };
                if reps[0] >= pos {
                    return Err(Problem::Before);
                }
                let end = (pos + length + 2).min(size);
                let from = pos - reps[0] - 1;
                if from + (end - pos) <= pos {
                    // Apart: one copy of memory (wasm's `memory.copy`).
                    out.copy_within(from..from + (end - pos), pos);
                    pos = end;
                } else {
                    // Overlapping, a run that repeats itself: byte by byte, as it grows.
                    for from in from.. {
                        if pos == end {
                            break;
                        }
                        out[pos] = out[from];
                        pos += 1;
                    }
                }
            }
            Ok(())
        })();
        self.state = state;
        self.reps = reps;
        self.pos = pos;
        result
    }
}

/// The page's unpacking: where it put the packed bytes and the room for the module's, and the
/// decoder, kept between the page's calls.
#[cfg(target_arch = "wasm32")]
struct Unpacking {
    at: usize,
    packed_len: usize,
    out_len: usize,
    decoder: Decoder,
}

#[cfg(target_arch = "wasm32")]
static mut UNPACKING: Unpacking = Unpacking {
    at: 0,
    packed_len: 0,
    out_len: 0,
    decoder: Decoder::new(),
};

/// The one unpacking, and the packed bytes and the room for the module's.
#[cfg(target_arch = "wasm32")]
#[allow(unsafe_code)]
fn unpacking() -> (&'static mut Decoder, &'static [u8], &'static mut [u8]) {
    // SAFETY: WebAssembly here runs on one thread, and only `start` and `step`, each called by
    // the page and never within the other, reach this, once per call, so no two references to
    // `UNPACKING` are alive at once. The page has grown this module's memory to hold
    // `packed_len + out_len` bytes from `at`, which it chose at `__heap_base` or above, where
    // nothing of this module's own is kept, and it leaves those bytes alone until the unpacking
    // is done. The two ranges do not overlap.
    unsafe {
        let unpacking = &mut *core::ptr::addr_of_mut!(UNPACKING);
        let packed = core::slice::from_raw_parts(unpacking.at as *const u8, unpacking.packed_len);
        let out = core::slice::from_raw_parts_mut(
            (unpacking.at + unpacking.packed_len) as *mut u8,
            unpacking.out_len,
        );
        (&mut unpacking.decoder, packed, out)
    }
}

/// What the page calls first: the `packed_len` bytes at `at` in this module's memory are to be
/// unpacked into the `out_len` bytes that follow them. Returns 0, or the [`Problem`]'s number.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
#[allow(unsafe_code)]
pub extern "C" fn start(
    at: usize,
    packed_len: usize,
    out_len: usize,
    lc: u32,
    lp: u32,
    pb: u32,
) -> u32 {
    {
        // SAFETY: as in `unpacking`; this reference ends before that one is made.
        let place = unsafe { &mut *core::ptr::addr_of_mut!(UNPACKING) };
        place.at = at;
        place.packed_len = packed_len;
        place.out_len = out_len;
    }
    let (decoder, packed, _) = unpacking();
    match decoder.start(packed, lc, lp, pb) {
        Ok(()) => 0,
        Err(problem) => problem as u32,
    }
}

/// Then, again and again: unpacks until at least `until` bytes are ready, or all of them.
/// Returns how many are, or, below zero, the [`Problem`]'s number.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
#[allow(unsafe_code)]
pub extern "C" fn step(until: usize) -> i32 {
    let (decoder, packed, out) = unpacking();
    match decoder.run(packed, out, until) {
        Ok(ready) => ready as i32,
        Err(problem) => -(problem as i32),
    }
}

/// A panic (an index out of range, which a damaged stream could only cause through a bug)
/// stops the module with a trap, which the page sees as an exception: the module's bytes could
/// not be unpacked.
#[cfg(all(target_arch = "wasm32", not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
