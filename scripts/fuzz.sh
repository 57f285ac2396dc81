#!/usr/bin/env bash
# Fuzzes every entry point of procurement-precheck with cargo-fuzz (libFuzzer), one target after
# the other, and prints the executions each target made.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     SECONDS per target (default 60); default: all targets
#   scripts/fuzz.sh --list                    the targets
#   scripts/fuzz.sh --cmin [TARGET...]        replace the committed corpora fuzz/corpus/<target> by
#                                             the seeds plus what the runs found, minimised: the
#                                             inputs that add coverage, at most 200 files / 1 MB
#
# Needs the nightly toolchain (used through `rustup run nightly`, installed with rustup if
# missing; where none can be had, stable with RUSTC_BOOTSTRAP=1 — FUZZ_TOOLCHAIN=stable forces
# that) and cargo-fuzz (`cargo install cargo-fuzz` if missing): both idempotent, so CI simply
# runs `scripts/fuzz.sh 10` after the tests (.ci/run). The committed seeds (fuzz/corpus/<target>)
# are read, never written: new inputs go to fuzz/target/work/<target>, logs to
# fuzz/target/logs/<target>.log, crashes to fuzz/artifacts/<target>/ (all git-ignored). Exit
# status 1 if any target found a crash, a timeout or a leak. Not part of scripts/test.sh (the
# README's test command): the normal tests need no nightly and no sanitizer build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
say() { printf '\033[1m[fuzz]\033[0m %s\n' "$*"; }

# The toolchain: nightly (installed with rustup if it can be); where no nightly can be had, the
# stable toolchain with RUSTC_BOOTSTRAP=1, which accepts the -Z flags cargo-fuzz passes (the
# sanitizer runtimes ship with stable's standard library on x86_64 Linux).
toolchain=${FUZZ_TOOLCHAIN:-nightly}
ensure_tools() {
    if [ "$toolchain" = nightly ] && ! rustup run nightly rustc --version >/dev/null 2>&1; then
        say "installing the nightly toolchain"
        if ! rustup toolchain install nightly --profile minimal; then
            say "no nightly toolchain: using stable with RUSTC_BOOTSTRAP=1"
            toolchain=stable
        fi
    fi
    if ! cargo fuzz --version >/dev/null 2>&1; then
        say "installing cargo-fuzz"
        cargo install --locked cargo-fuzz || cargo install cargo-fuzz
    fi
}

targets() { ls fuzz/fuzz_targets | sed -n 's/\.rs$//p'; }

dict_of() {
    case "$1" in
        money_uppercase) echo fuzz/dict/uppercase.dict ;;
        catalogue_csv) echo fuzz/dict/csv.dict ;;
        catalogue_load | catalogue_overlay | screen_purchase | check_supplier | check_package | supplier_policy | api_values | value_json_serde)
            echo fuzz/dict/json.dict ;;
        *) echo fuzz/dict/text.dict ;;
    esac
}

max_len_of() {
    case "$1" in
        field_* | money_* | catalogue_search) echo 1024 ;;
        *) echo 16384 ;;
    esac
}

fz() {
    if [ "$toolchain" = nightly ]; then
        rustup run nightly cargo fuzz "$@"
    else
        RUSTC_BOOTSTRAP=1 rustup run stable cargo fuzz "$@"
    fi
}

build() {
    mkdir -p fuzz/target/logs
    say "building the targets (fuzz/target/logs/build.log)"
    fz build >fuzz/target/logs/build.log 2>&1 || { tail -n 40 fuzz/target/logs/build.log; exit 1; }
}

cmin() {
    local tmp=fuzz/target/cmin t
    rm -rf "$tmp" && mkdir -p "$tmp"
    python3 fuzz/seeds/make_seeds.py "$tmp/seeds" >/dev/null
    for t in "$@"; do
        mkdir -p "$tmp/$t/empty" "$tmp/$t/work"
        if [ -d "fuzz/target/work/$t" ]; then cp -r "fuzz/target/work/$t/." "$tmp/$t/work/"; fi
        "fuzz/target/x86_64-unknown-linux-gnu/release/$t" -merge=1 -max_len="$(max_len_of "$t")" \
            -merge_control_file="$tmp/$t/control" "$tmp/$t/empty" "fuzz/corpus/$t" "$tmp/$t/work" \
            >"$tmp/$t/merge.log" 2>&1 || { say "merge of $t failed ($tmp/$t/merge.log)"; exit 1; }
        say "$t: $(python3 fuzz/seeds/cap_corpus.py "$tmp/$t/control" "$tmp/seeds/$t" "$tmp/$t/picked")"
        rm -rf "fuzz/corpus/$t" && mv "$tmp/$t/picked" "fuzz/corpus/$t"
    done
}

case "${1:-}" in
    --list)
        targets
        exit 0
        ;;
    --cmin)
        shift
        ensure_tools
        build
        if [ $# -gt 0 ]; then cmin "$@"; else mapfile -t all < <(targets) && cmin "${all[@]}"; fi
        exit 0
        ;;
esac

seconds=${1:-60}
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2; exit 2; }
shift || true
list=("$@")
[ ${#list[@]} -gt 0 ] || mapfile -t list < <(targets)

ensure_tools
build
failed=()
printf '%-20s %12s %8s %s\n' target execs seconds result
for t in "${list[@]}"; do
    work="fuzz/target/work/$t"
    log="fuzz/target/logs/$t.log"
    mkdir -p "$work" "fuzz/artifacts/$t"
    status=ok
    fz run "$t" "$work" "fuzz/corpus/$t" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -max_len="$(max_len_of "$t")" -dict="$(dict_of "$t")" \
        -artifact_prefix="$root/fuzz/artifacts/$t/" >"$log" 2>&1 || status=FOUND
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
    printf '%-20s %12s %8s %s\n' "$t" "${execs:-?}" "${took:-?}" "$status"
    if [ "$status" != ok ]; then
        failed+=("$t")
        grep -m 5 -E 'panicked|ERROR: libFuzzer|SUMMARY|Test unit written' "$log" | sed 's/^/    /'
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    say "findings in: ${failed[*]} (logs in fuzz/target/logs, inputs in fuzz/artifacts)"
    exit 1
fi
say "no findings"
