#!/usr/bin/env bash
# ctest driver: build the consumer project against parity one way.
#   check.sh install <parity build dir> <work dir>
#   check.sh subdirectory <parity source dir> <work dir>
set -euo pipefail
mode=$1 from=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work"
log="$work/log.txt"
trap 'echo "packaging check ($mode) failed; its log:"; cat "$log"' ERR
if [ "$mode" = install ]; then
  cmake --install "$from" --prefix "$work/prefix" >"$log" 2>&1
  cmake -S "$here" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" >>"$log" 2>&1
else
  cmake -S "$here" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DPARITY_SOURCE_DIR="$from" >>"$log" 2>&1
fi
cmake --build "$work/build" >>"$log" 2>&1
"$work/build/consumer"
