#!/usr/bin/env bash
# Fuzzes the readers with cargo-fuzz (libFuzzer, on the nightly toolchain) for a bounded time,
# and prints, for each target, how many inputs it ran and whether any made it crash.
#
#   scripts/fuzz.sh                  every target, 60 seconds each
#   scripts/fuzz.sh 300              every target, 300 seconds each (or FUZZ_SECONDS=300)
#   scripts/fuzz.sh 30 draft         one target
#
# Targets (fuzz/fuzz_targets/): `definition` reads the bytes as a questionnaire file, as the
# clinic's settings and as the mount options; `draft` reads them as a decrypted draft, as a
# stored envelope or backup file, and opens them through the session as a backup file.
# Inputs found interesting stay in fuzz/corpus/<target> for the next run; a crash is saved in
# fuzz/artifacts/<target>/ and makes the script fail. Both folders are left out of git.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-${FUZZ_SECONDS:-60}}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(definition draft)

say() { printf 'fuzz: %s\n' "$*"; }

if ! rustup toolchain list | grep -q '^nightly'; then
  say "cargo-fuzz needs the nightly toolchain: rustup toolchain install nightly --profile minimal"
  exit 1
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz from crates.io (a few minutes, once)"
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi

# Seeds: every questionnaire the project has, settings using every field, and drafts of the
# built-in questionnaire (its answers, a notes draft, and an envelope as stored).
mkdir -p fuzz/corpus/definition fuzz/corpus/draft
cp questionnaires/*.json tests/fixtures/*.json www/examples/*.json fuzz/corpus/definition/
cat > fuzz/corpus/definition/seed-settings.json <<'JSON'
{"clinic":{"en":"Riverside Counselling","es":"Consejería Ribera"},
 "support":{"intro":"You can reach us any time.","resources":[{"name":"Duty line",
  "phone":"+44 20 7946 0018","text":"07700 900123","web":"https://example.org/help",
  "email":"help@example.org","hours":"9am to 5pm","note":"Free"}]},
 "quick_exit":{"url":"/","delete_draft":false},"saving":true,
 "changes":{"hide_sections":["relationship"],"hide_questions":["goals"],
  "reword":{"proud-of":{"text":"What are you proud of?","hint":"Big or small."}}},
 "languages":["en","es"],"interface":{"es":{"start":"Comenzar"}}}
JSON
cat > fuzz/corpus/draft/seed-answers.json <<'JSON'
{"questionnaire":"ending-therapy","language":"es","section":3,"answers":{
 "who-decided":"therapist-choice","not-my-choice":"It was sudden.\nBut fair.",
 "feelings":{"selected":["relief","sadness"],"other":"Tired"},"feelings-strength":7,
 "professional-support":{"selected":["doctor"]},"goals":"not-sure","proud-of":"Walking again",
 "confidence":4,"note-therapist":"Thank you.","gone":"text"}}
JSON
printf '%s' '{"questionnaire":"ending-therapy","section":null,"answers":{}}' \
  > fuzz/corpus/draft/seed-empty.json
printf '%s' '{"v":1,"kdf":"PBKDF2-SHA256","iter":600000,"salt":"AQEBAQEBAQEBAQEBAQEBAQ==","iv":"AgICAgICAgICAgIC","ct":"AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMD"}' \
  > fuzz/corpus/draft/seed-envelope.json

say "building the targets (release, with debug assertions and AddressSanitizer)"
cargo +nightly fuzz build

failed=0
summary=()
for target in "${targets[@]}"; do
  say "running $target for $seconds s"
  log="fuzz/artifacts/$target.log"
  mkdir -p "fuzz/artifacts/$target"
  start=$(date +%s)
  set +e
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -timeout=10 -print_final_stats=1 >"$log" 2>&1
  status=$?
  set -e
  elapsed=$(( $(date +%s) - start ))
  runs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$log" | tail -n 1)
  rate=$(awk '/stat::average_exec_per_sec/ { print $2 }' "$log" | tail -n 1)
  corpus=$(find "fuzz/corpus/$target" -type f | wc -l)
  if [ "$status" -eq 0 ]; then
    line="$target: ${runs:-?} executions in $elapsed s (${rate:-?} exec/s), corpus $corpus inputs, no crash"
  else
    failed=1
    crash=$(sed -n 's/.*Test unit written to //p' "$log" | head -n 1)
    line="$target: CRASH after ${runs:-?} executions in $elapsed s: ${crash:-see $log}"
    grep -m 1 -A 1 -E "panicked at|ERROR: libFuzzer|ERROR: AddressSanitizer" "$log" || true
  fi
  say "$line"
  summary+=("$line")
done

printf '\n'
printf '%s\n' "${summary[@]}"
exit "$failed"
