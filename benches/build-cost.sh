#!/usr/bin/env bash
# Build cost for a consumer of the SDK (about 8 minutes on 2 cores):
#   1. cold `cargo build --lib` of this crate (dev profile, fresh target directory);
#   2. cold build of a baseline crate with the same runtime dependencies and no build script
#      (what progenitor-in-build.rs costs on top);
#   3. the build script's own run time (from cargo's --timings report);
#   4. rebuild after touching openapi/user-update.json.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-$(mktemp -d)}
echo "work dir: $WORK"

seconds() { local s; s=$(date +%s.%N); "$@" >/dev/null 2>&1; python3 -c "print(f'{$(date +%s.%N) - $s:.1f}')"; }

# The baseline: this crate's [dependencies] (non-optional ones, same versions via Cargo.lock),
# its default features, and an empty lib.
mkdir -p "$WORK/baseline/src"
python3 - "$WORK/baseline/Cargo.toml" <<'PY'
import re, sys
text = open("Cargo.toml").read()
deps = text.split("[dependencies]")[1].split("\n[")[0]
keep = [l for l in deps.splitlines() if l.strip() and not l.startswith("#") and "optional = true" not in l]
# The default features too (TLS is chosen by features): the same reqwest build.
features = text.split("[features]")[1].split("\n[")[0]
default = [l for l in features.splitlines() if l.startswith(("default =", "rustls ="))]
open(sys.argv[1], "w").write('[package]\nname = "baseline"\nversion = "0.0.0"\nedition = "2024"\n\n[dependencies]\n' + "\n".join(keep) + "\n\n[features]\n" + "\n".join(default) + "\n")
PY
: >"$WORK/baseline/src/lib.rs"
cp Cargo.lock "$WORK/baseline/Cargo.lock"

sdk=$(CARGO_TARGET_DIR="$WORK/t-sdk" seconds cargo build --lib --timings)
base=$(cd "$WORK/baseline" && CARGO_TARGET_DIR="$WORK/t-base" seconds cargo build --lib)
touch openapi/user-update.json
rebuild=$(CARGO_TARGET_DIR="$WORK/t-sdk" seconds cargo build --lib)
python3 - "$WORK/t-sdk/cargo-timings/cargo-timing.html" "$sdk" "$base" "$rebuild" <<'PY'
import json, sys
html = open(sys.argv[1]).read()
start = html.index("UNIT_DATA = ") + len("UNIT_DATA = ")
units = json.loads(html[start:html.index("];", start) + 1])
def unit(name, target):
    return sum(u["duration"] for u in units if u["name"] == name and u["target"].strip() == target)
script_compile = unit("zoom-user-update", "build-script")
script_run = unit("zoom-user-update", "build-script (run)")
sdk, base, rebuild = map(float, sys.argv[2:5])
print("| measure | seconds |\n| --- | --- |")
print(f"| cold `cargo build --lib`, this crate | {sdk:.1f} |")
print(f"| cold build, baseline crate (same runtime dependencies, no build script) | {base:.1f} |")
print(f"| ratio crate / baseline | {sdk / base:.2f} |")
print(f"| build script: compile | {script_compile:.1f} |")
print(f"| build script: run (progenitor + prettyplease) | {script_run:.2f} |")
print(f"| rebuild after touching the fragment | {rebuild:.1f} |")
PY
