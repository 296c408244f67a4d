"""Loads in python3-torch every file the parity engines wrote (SAVE-12).

  check_torch_files.py DIR   for each entry of DIR/manifest.json and each
                             engine E in reference, fast: torch.load(
                             DIR/E/<name>.pt, weights_only=True) must describe
                             exactly as the original torch.save file did, and
                             the archive's folder must be the file's stem.

1.13's weights_only loader refuses Python floats (BINFLOAT, "Unsupported
operand 71") wherever they are: such files are loaded with
weights_only=False and counted apart. Exit 0 when every file agrees.
"""
import collections
import json
import os
import sys
import zipfile

try:
    import torch
except ImportError:
    print("no python3-torch: skipped")
    sys.exit(77)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_describe import describe  # noqa: E402

ENGINES = ("reference", "fast")


def first_difference(want, got, path="root"):
    if type(want) is not type(got):
        return f"{path}: {want!r:.80} vs {got!r:.80}"
    if isinstance(want, dict):
        for k in want.keys() | got.keys():
            if want.get(k) != got.get(k):
                return first_difference(want.get(k), got.get(k), f"{path}.{k}")
    if isinstance(want, list):
        if len(want) != len(got):
            return f"{path}: {len(want)} items vs {len(got)}"
        for i, (w, g) in enumerate(zip(want, got)):
            if w != g:
                return first_difference(w, g, f"{path}[{i}]")
    return f"{path}: {want!r:.80} vs {got!r:.80}"


def check(directory, engine, entry):
    """Returns (problem or None, whether weights_only had to be off)."""
    path = os.path.join(directory, engine, entry["name"] + ".pt")
    if not os.path.exists(path):
        return "not written", False
    folders = {n.split("/")[0] for n in zipfile.ZipFile(path).namelist()}
    if folders != {entry["name"]}:
        return f"archive folders {sorted(folders)}, expected ['{entry['name']}']", False
    unsafe = False
    try:
        obj = torch.load(path, weights_only=True)
    except Exception as e:  # noqa: BLE001: torch raises UnpicklingError or RuntimeError
        if not (entry["has_float_scalar"] and "Unsupported operand 71" in str(e)):
            return f"torch.load(weights_only=True) failed: {str(e)[-200:]}", False
        obj, unsafe = torch.load(path, weights_only=False), True
    got = describe(obj)
    if got != entry["root"]:
        return "differs: " + first_difference(entry["root"], got), unsafe
    return None, unsafe


def without(d, keys):
    if isinstance(d, dict):
        return {k: without(v, keys) for k, v in d.items() if k not in keys}
    if isinstance(d, list):
        return [without(v, keys) for v in d]
    return d


def report_pickle_save(directory, manifest):
    """LibTorch's pickle_save files (what pickle_load read): counted, not required.

    It writes "archive/" whatever the name, has no OrderedDict, and its
    reader lost sharing (SAVE-10), so those are left out of the comparison;
    values and geometry must still agree."""
    counts, failures = collections.Counter(), 0
    for entry in manifest:
        path = os.path.join(directory, "libtorch", entry["name"] + ".pt")
        if not os.path.exists(path):
            continue
        counts["written"] += 1
        try:
            obj = torch.load(path, weights_only=True)
            counts["weights_only=True"] += 1
        except Exception:  # noqa: BLE001
            obj = torch.load(path, weights_only=False)
            counts["weights_only=False only"] += 1
        if without(describe(obj), {"ordered", "storage"}) != without(entry["root"],
                                                                     {"ordered", "storage"}):
            failures += 1
            print(f"FAIL libtorch/{entry['name']}: pickle_save wrote other values or geometry")
    print("LibTorch pickle_save files (of those pickle_load read):", dict(counts))
    return failures


def main(directory):
    with open(os.path.join(directory, "manifest.json")) as f:
        manifest = json.load(f)
    failures = 0
    for engine in ENGINES:
        passed, unsafe_count = collections.Counter(), 0
        total = collections.Counter()
        for entry in manifest:
            problem, unsafe = check(directory, engine, entry)
            total[entry["category"]] += 1
            unsafe_count += unsafe
            if problem:
                failures += 1
                print(f"FAIL {engine}/{entry['name']}: {problem}")
            else:
                passed[entry["category"]] += 1
        odd = os.path.join(directory, engine, "dotted.name.\u00fcn\u00ef.pt")
        folders = {n.split("/")[0] for n in zipfile.ZipFile(odd).namelist()}
        if folders != {"dotted.name.\u00fcn\u00ef"} or not torch.load(odd).equal(torch.ones(2)):
            failures += 1
            print(f"FAIL {engine}: {odd} has folders {sorted(folders)}, torch.save names it "
                  "'dotted.name.\u00fcn\u00ef'")
        cats = ", ".join(f"{c} {passed[c]}/{n}" for c, n in sorted(total.items()))
        print(f"{engine}: {sum(passed.values())}/{sum(total.values())} files load in torch "
              f"as torch.save wrote them ({cats}); {unsafe_count} needed weights_only=False "
              f"(Python floats)")
    failures += report_pickle_save(directory, manifest)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
