#!/bin/sh
# Builds parity's libFuzzer targets with clang-14 (ASan + UBSan, no recovery)
# and runs each for PARITY_LIBFUZZER_SECONDS (default 30), seeded from the
# corpus make_malformed.py generates (real torch.save and np.save files plus
# the malformed ones). Fails on any finding: a crash, a sanitizer report, a
# leak, a timeout (-timeout=5), an out-of-memory (-rss_limit_mb=2048,
# -malloc_limit_mb=1024); the reproducer is left in the work directory.
#
# usage: run.sh WORK_DIR [CORPUS_DIR]   (CORPUS_DIR: make_malformed.py's output;
#        generated into WORK_DIR/corpus when absent)
# env:   PARITY_LIBFUZZER_SECONDS  seconds per target (default: ctest's
#                                  PARITY_LIBFUZZER_DEFAULT_SECONDS, else 30)
#        PARITY_LIBFUZZER_TARGETS  which targets (default: all five)
#        PARITY_LIBFUZZER_JOBS     parallel fuzzing processes per target (default 1)
#        PARITY_LIBFUZZER_FLAGS    more libFuzzer flags (e.g. -detect_leaks=0, with
#                                  ASAN_OPTIONS=detect_leaks=0 for the check at exit, to look
#                                  past a known leak; never in CI)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=${1:?usage: run.sh WORK_DIR [CORPUS_DIR]}
corpus=${2:-}
seconds=${PARITY_LIBFUZZER_SECONDS:-${PARITY_LIBFUZZER_DEFAULT_SECONDS:-30}}
targets=${PARITY_LIBFUZZER_TARGETS:-fuzz_pickle fuzz_zip fuzz_torch_load fuzz_npy fuzz_roundtrip}
jobs=${PARITY_LIBFUZZER_JOBS:-1}
cxx=${PARITY_LIBFUZZER_CXX:-clang++-14}

if [ "$seconds" = 0 ]; then
  echo "libfuzzer: SKIPPED: PARITY_LIBFUZZER_SECONDS is 0 (set it to run the targets)"; exit 77
fi
# Skip, with the reason, where the toolchain is missing (ctest: SKIP_RETURN_CODE 77).
if ! command -v "$cxx" >/dev/null 2>&1; then
  echo "libfuzzer: SKIPPED: $cxx not found (Debian: apt-get install clang-14)"; exit 77
fi
probe=$(mktemp -d)
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' \
  >"$probe/p.cpp"
if ! "$cxx" -fsanitize=fuzzer,address,undefined "$probe/p.cpp" -o "$probe/p" 2>"$probe/err"; then
  echo "libfuzzer: SKIPPED: $cxx cannot link -fsanitize=fuzzer (Debian: libclang-rt-14-dev):"
  cat "$probe/err"; rm -rf "$probe"; exit 77
fi
rm -rf "$probe"

mkdir -p "$work"
work=$(cd "$work" && pwd)
launcher=""
command -v ccache >/dev/null 2>&1 && launcher=-DCMAKE_CXX_COMPILER_LAUNCHER=ccache
# shellcheck disable=SC2086
cmake -S "$here" -B "$work/build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" $launcher \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$work/configure.log" 2>&1 ||
  { cat "$work/configure.log"; exit 1; }
cmake --build "$work/build" -j "${PARITY_LIBFUZZER_BUILD_JOBS:-2}"

if [ -z "$corpus" ] || [ ! -f "$corpus/manifest.json" ]; then
  corpus=$work/corpus
  /usr/bin/python3 "$here/../../conformance/io/make_malformed.py" "$corpus" >/dev/null
fi

# Seeds per target: torch files for the zip and load targets, the data.pkl
# records inside them for the pickle target, .npy files for the npy target.
seeds=$work/seeds
rm -rf "$seeds"
mkdir -p "$seeds/torch" "$seeds/pickle" "$seeds/npy"
find "$corpus" -name '*.pt' -size -64k -exec cp {} "$seeds/torch/" \; 2>/dev/null || true
i=0
for f in "$corpus"/valid/*.pt "$corpus"/malformed/pickle/*/*.pt "$corpus"/malformed/tensor/*/*.pt; do
  i=$((i + 1))
  /usr/bin/python3 - "$f" "$seeds/pickle/$i.pkl" <<'PY' 2>/dev/null || true
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
name = [n for n in z.namelist() if n.endswith("/data.pkl")][0]
open(sys.argv[2], "wb").write(z.read(name))
PY
done
find "$corpus" -name '*.npy' -exec cp {} "$seeds/npy/" \;

status=0
for t in $targets; do
  case $t in
    fuzz_pickle) s=$seeds/pickle ;;
    fuzz_npy) s=$seeds/npy ;;
    *) s=$seeds/torch ;;
  esac
  live=$work/live/$t
  mkdir -p "$live" "$work/findings/$t"
  echo "libfuzzer: $t for $seconds s, seeds $(find "$s" -type f | wc -l) from $s"
  parallel=""
  [ "$jobs" -gt 1 ] && parallel="-jobs=$jobs -workers=$jobs"
  set +e
  # shellcheck disable=SC2086
  (cd "$work/findings/$t/.." && "$work/build/$t" "$live" "$s" -max_total_time="$seconds" \
      -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=5 -max_len=65536 \
      -print_final_stats=1 $parallel ${PARITY_LIBFUZZER_FLAGS:-} -artifact_prefix="$work/findings/$t/") \
      >"$work/$t.log" 2>&1
  rc=$?
  set -e
  [ "$jobs" -gt 1 ] && cat "$work"/findings/fuzz-*.log >>"$work/$t.log" 2>/dev/null &&
    rm -f "$work"/findings/fuzz-*.log
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|ERROR|SUMMARY|artifact" \
    "$work/$t.log" | sed "s/^/  /" || true
  if [ $rc -ne 0 ] || [ -n "$(ls "$work/findings/$t")" ]; then
    echo "libfuzzer: $t FOUND something (exit $rc); log $work/$t.log, reproducers:"
    ls -l "$work/findings/$t"
    tail -40 "$work/$t.log"
    status=1
  fi
done
exit $status
