#!/usr/bin/env bash
# Builds the libFuzzer targets (preset fuzz: clang, ASan + UBSan) and runs each for SECONDS
# (default 60) on a copy of its seed corpus and regression inputs in
# build/fuzz/run/<target>/corpus/; the checked-in corpus is not modified. What a run adds to
# that copy stays for the next run (rm -rf build/fuzz/run to start again from the seeds).
#   scripts/fuzz.sh [SECONDS]
# Exits 1 if a target crashed, leaked, timed out or broke an invariant: the input that did
# it is copied to tests/fuzz/regressions/<target>/, to commit with the fix, and the target's
# log is printed. Replay one input with: build/fuzz/tests/fuzz/<target> FILE
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
case "$seconds" in
    '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2 ;;
esac
targets=(fuzz_content fuzz_references fuzz_numbers)

scripts/install-deps.sh --fuzz
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"

failed=()
for target in "${targets[@]}"; do
    run="build/fuzz/run/$target"
    rm -rf "$run/artifacts" "$run/log"
    mkdir -p "$run/corpus" "$run/artifacts"
    find "tests/fuzz/corpus/$target" "tests/fuzz/regressions/$target" -maxdepth 1 -type f ! -name '.*' \
        -exec cp {} "$run/corpus/" \;
    echo "fuzz.sh: $target for ${seconds} s"
    status=0
    "build/fuzz/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -dict="tests/fuzz/$target.dict" -artifact_prefix="$run/artifacts/" -print_final_stats=1 \
        "$run/corpus" >"$run/log" 2>&1 || status=$?
    grep -E '^#[0-9]+[[:space:]]+DONE|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' \
        "$run/log" | sed 's/^/  /' || true
    artifacts=("$run"/artifacts/*)
    if [ "$status" -ne 0 ] || [ -e "${artifacts[0]}" ]; then
        failed+=("$target")
        echo "fuzz.sh: $target FAILED (exit $status); log: $run/log"
        tail -n 60 "$run/log"
        mkdir -p "tests/fuzz/regressions/$target"
        for artifact in "${artifacts[@]}"; do
            [ -e "$artifact" ] || continue
            cp "$artifact" "tests/fuzz/regressions/$target/"
            echo "fuzz.sh: input kept as tests/fuzz/regressions/$target/$(basename "$artifact")"
        done
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: failed: ${failed[*]}"
    exit 1
fi
echo "fuzz.sh: ${#targets[@]} targets ran ${seconds} s each without a failure"
