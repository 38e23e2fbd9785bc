#!/usr/bin/env bash
# Reproduces the tables of BENCHMARKS.md (about 8 minutes on 2 cores; the build-cost table is
# benches/build-cost.sh). Every figure is a ratio against a baseline measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/bench-results
mkdir -p "$OUT"

echo "## machine"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/{print $2}') GiB; $(rustc --version)"

echo
echo "## 1. validate + serialize vs serde_json::to_vec of the raw body (criterion, mean)"
cargo bench --quiet --bench validation -- --warm-up-time 2 --measurement-time 5 >"$OUT/validation.txt" 2>&1
python3 - <<'PY'
import json
print("| case | raw | sdk | sdk / raw |\n| --- | --- | --- | --- |")
for case in ["minimal", "full", "json_intake"]:
    t = {s: json.load(open(f"target/criterion/{case}/{s}/new/estimates.json"))["mean"]["point_estimate"] for s in ["raw", "sdk"]}
    print(f"| {case} | {t['raw']:.0f} ns | {t['sdk']:.0f} ns | {t['sdk']/t['raw']:.2f} |")
PY
if command -v valgrind >/dev/null; then
  echo
  echo "instructions (callgrind, 20,000 iterations; independent of machine load):"
  cargo build --quiet --release --example validation_probe
  echo "| case | raw | sdk | sdk / raw |"
  echo "| --- | --- | --- | --- |"
  for pair in "minimal raw-minimal sdk-minimal" "full raw-full sdk-full" "json_intake raw-json_intake sdk-json_intake"; do
    set -- $pair
    r=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/validation_probe "$2" 2>&1 | awk '/refs/{gsub(",","",$4); print $4}')
    s=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/validation_probe "$3" 2>&1 | awk '/refs/{gsub(",","",$4); print $4}')
    python3 -c "print(f'| $1 | {$r/1e6:.1f} M | {$s/1e6:.1f} M | {$s/$r:.2f} |')"
  done
fi

echo
echo "## 2. per-request overhead vs plain reqwest (loopback server answering 204; 132 rounds, four sides back to back in each)"
cargo bench --quiet --bench overhead 2>/dev/null >"$OUT/overhead.jsonl"
python3 - <<'PY'
import json
print("| case | plain reqwest | same request by hand | generated client | sdk | sdk / plain (median of rounds, 95% CI) | sdk / same request | sdk / generated | generated / plain | cpu per request sdk / plain |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for line in open("target/bench-results/overhead.jsonl"):
    r = json.loads(line)
    print("| {case} | {raw_per_s}/s | {raw_same_request_per_s}/s | {generated_per_s}/s | {sdk_per_s}/s | {ratio_vs_raw:.3f} ({ci[0]:.3f}-{ci[1]:.3f}) | {ratio_vs_same_request:.3f} | {ratio_vs_generated:.3f} | {generated_vs_raw:.3f} | {cpu_per_request_vs_raw:.3f} |".format(ci=r["ratio_vs_raw_ci"], **r))
PY
if command -v valgrind >/dev/null; then
  echo
  echo "marginal instructions per request (callgrind; (I(3000) - I(1000)) / 2000, client and server together):"
  BENCH=$(cargo bench --bench overhead --no-run 2>&1 | sed -n 's/.*Executable .*(\(.*\))/\1/p')
  for side in raw same generated sdk; do
    a=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BENCH" --profile $side 1000 2>&1 | awk '/refs/{gsub(",","",$4); print $4}')
    b=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BENCH" --profile $side 3000 2>&1 | awk '/refs/{gsub(",","",$4); print $4}')
    echo "$side $(( (b - a) / 2000 ))"
  done
fi

echo "## 3. bulk pacing and memory (CLI bulk against the fake Zoom in its own process)"
cargo build --quiet --release -p zoom-user-update-cli
cargo build --quiet --release --example fake_zoom
BIN=target/release/zoom-user-update
FAKE=target/release/examples/fake_zoom
lines() { python3 -c "
import json, sys
for i in range(1, $1 + 1):
    sys.stdout.write(json.dumps({'user_id': f'u{i}', 'body': {'dept': f'D{i}', 'timezone': 'Europe/Berlin'}}) + '\n')" >"$2"; }
lines 5000 "$OUT/5k.jsonl"
lines 10000 "$OUT/10k.jsonl"
lines 100000 "$OUT/100k.jsonl"

# run FAKE_ARGS BULK_ARGS…: starts the fake with FAKE_ARGS (one string, split on spaces), runs
# bulk against it with BULK_ARGS (input file and flags); prints "seconds rss_kib api_requests rate_limited"
run() {
  local fake_args=$1; shift
  coproc FAKE_PROC { "$FAKE" $fake_args; }
  local url; read -r _ url <&"${FAKE_PROC[0]}"
  rm -f "$OUT/report.jsonl"
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$OUT/rss" env ZOOM_ACCESS_TOKEN=mock-access-token \
    "$BIN" bulk --base-url "$url" --report "$OUT/report.jsonl" "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo stats >&"${FAKE_PROC[1]}"
  local stats; read -r stats <&"${FAKE_PROC[0]}"
  exec {FAKE_PROC[1]}>&-
  wait "$FAKE_PROC_PID" 2>/dev/null || true
  python3 -c "
import json
s = json.loads('$stats')
print(f'{$end - $start:.2f} $(cat "$OUT/rss") {s[\"api_requests\"]} {s[\"rate_limited\"]} {s[\"overlaps\"]} {s[\"on_last_line\"]}')"
}
R=500
read -r t rss req limited _ _ < <(run "--rate $R --users 5000" "$OUT/5k.jsonl" --rate $R --concurrency 64)
ok=$(grep -c '"status":"ok"' "$OUT/report.jsonl" || true)
python3 -c "print(f'budget {$R}/s, fake enforcing {$R}/s: 5,000 lines in {$t} s = {5000/$t:.0f}/s = {5000/$t/$R:.3f} R; {$limited} answers 429; {$ok} ok')"
# Three lines per user (timezone A, then B, then C; all A lines first, as a file built from
# several exports), the fake answering every A line 50 ms late: final states, overlaps, and
# the throughput against the unique-user file of the run above.
python3 -c "
import json, sys
tz = ['Asia/Tokyo', 'Europe/Berlin', 'America/Chicago']
with open('$OUT/3x.jsonl', 'w') as out:
    for step in range(3):
        for i in range(1, 1701):
            out.write(json.dumps({'user_id': f'u{i}', 'body': {'timezone': tz[step]}}) + '\n')"
read -r t3 _ _ limited3 overlaps3 last3 < <(run "--rate $R --users 1700 --late-ms 50" "$OUT/3x.jsonl" --rate $R --concurrency 64)
ok3=$(grep -c '"status":"ok"' "$OUT/report.jsonl" || true)
python3 -c "print(f'three lines per user (1,700 users, 5,100 lines, every first line answered 50 ms late), budget {$R}/s: {5100/$t3:.0f}/s = {5100/$t3/$R:.3f} R, {(5100/$t3)/(5000/$t):.3f} of the unique-user file; {$overlaps3} overlaps; {$last3} of 1,700 users end on their last line; {$ok3} ok; {$limited3} answers 429')"
read -r t rss req limited _ _ < <(run "--rate $R --users 5000" "$OUT/5k.jsonl" --concurrency 64)
ok=$(grep -c '"status":"ok"' "$OUT/report.jsonl" || true)
python3 -c "print(f'no budget, fake enforcing {$R}/s: 5,000 lines in {$t} s = {5000/$t:.0f}/s; {$limited} answers 429 (each retried after Retry-After: 1); {$req} requests; {$ok} ok')"
read -r t10 rss10 _ _ _ _ < <(run "--users 100000" "$OUT/10k.jsonl" --concurrency 64)
read -r t100 rss100 _ _ _ _ < <(run "--users 100000" "$OUT/100k.jsonl" --concurrency 64)
python3 -c "print(f'peak RSS of bulk: 10,000 lines {$rss10/1024:.1f} MB ({$t10} s), 100,000 lines {$rss100/1024:.1f} MB ({$t100} s): 100k / 10k = {$rss100/$rss10:.2f}')"

echo
echo "## 4. sharing the budget with another app of the account (adaptive vs fixed vs none; one JSON line per run)"
cargo bench --quiet --bench adaptive 2>/dev/null | tee "$OUT/adaptive.jsonl"
