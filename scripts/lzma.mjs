// LZMA as the module's bytes ship (scripts/embed-wasm.mjs), for the build and for `npm run size`,
// which measures what each part of the module costs once packed (bench/size-areas.mjs).
import { spawnSync } from "node:child_process";

// No literal position bits and no position bits suit a module best (byte boundaries mean nothing
// to its code); 3 bits of the byte before as a literal's context.
export const LZMA = { lc: 3, lp: 0, pb: 0 };

/** `bytes` packed as raw LZMA (xz, from Debian's xz-utils) with the settings above. */
export function packLzma(bytes) {
  const { lc, lp, pb } = LZMA;
  const xz = spawnSync(
    "xz",
    ["--format=raw", `--lzma1=preset=9e,lc=${lc},lp=${lp},pb=${pb}`, "--stdout"],
    { input: bytes, maxBuffer: 64 << 20 },
  );
  if (xz.error || xz.status !== 0) {
    throw new Error(`xz failed: ${xz.error?.message ?? xz.stderr}`);
  }
  return xz.stdout;
}
