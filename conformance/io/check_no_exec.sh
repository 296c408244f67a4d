#!/bin/sh
# G1(c): the loader translation units call nothing that runs code: no dlopen,
# system, popen, exec*, fork or posix_spawn (../shared/notes/reliability.md §7).
# usage: check_no_exec.sh SOURCE_ROOT
root=${1:?usage: check_no_exec.sh SOURCE_ROOT}
# The writers (atomic_file's FileOps::system() is its real-I/O table) are not loaders.
files=""
for f in "$root"/spec/io/src/*.cpp "$root"/spec/io/src/*.h "$root"/reference/src/serialize*.cpp \
         "$root"/fast/src/serialize/*.cpp; do
  case $f in *atomic_file* | *_writer*) continue ;; esac
  [ -f "$f" ] && files="$files $f"
done
[ -n "$files" ] || { echo "no loader sources under $root"; exit 1; }
# shellcheck disable=SC2086
if grep -nE '\b(dlopen|dlsym|system|popen|execl|execlp|execle|execv|execvp|execvpe|fork|vfork|posix_spawnp?)[[:space:]]*\(' $files; then
  echo "FAIL: a loader source calls one of the functions above"
  exit 1
fi
echo "ok: $(echo "$files" | wc -w) loader sources call no dlopen/system/popen/exec*/fork/posix_spawn"
