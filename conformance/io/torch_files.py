"""Files written and checked by python3-torch 1.13 for io_tests.

  torch_files.py generate DIR   writes DIR/<case>.pt and DIR/<case>.json (describe() of the object)
  torch_files.py check DIR      loads every DIR/<case>.pt written by parity with
                                torch.load(weights_only=True), compares describe() with
                                DIR/<case>.json, and for DIR/<case>.same checks that torch.save of
                                the loaded object to a buffer gives the same bytes
Exit status 0 when all is well; problems are printed one per line.
"""
import collections
import io
import json
import os
import pickle
import sys
import zipfile

import torch

DTYPES = {
    torch.float64: "float64", torch.float32: "float32", torch.float16: "float16",
    torch.bfloat16: "bfloat16", torch.int64: "int64", torch.int32: "int32",
    torch.int16: "int16", torch.int8: "int8", torch.uint8: "uint8", torch.bool: "bool",
}


def storage_bytes(t):
    whole = torch.empty(0, dtype=t.dtype).set_(t.storage())
    if whole.numel() == 0:
        return b""
    return whole.view(torch.uint8).numpy().tobytes()


def describe(obj, sids):
    """A canonical JSON form; storages are numbered in order of first appearance."""
    if obj is None:
        return {"t": "none"}
    if isinstance(obj, bool):
        return {"t": "bool", "v": obj}
    if isinstance(obj, int):
        return {"t": "int", "v": obj}
    if isinstance(obj, float):
        return {"t": "float", "v": obj}
    if isinstance(obj, str):
        return {"t": "str", "v": obj}
    if isinstance(obj, torch.Tensor):
        ptr = obj.storage().data_ptr() if obj.storage().size() else ("empty", id(obj.storage()))
        sid = sids.setdefault(ptr, len(sids))
        return {"t": "tensor", "dtype": DTYPES[obj.dtype], "size": list(obj.size()),
                "stride": list(obj.stride()), "offset": obj.storage_offset(),
                "requires_grad": obj.requires_grad,
                "parameter": isinstance(obj, torch.nn.Parameter), "storage": sid,
                "numel": obj.storage().size(), "hex": storage_bytes(obj).hex()}
    if isinstance(obj, list):
        return {"t": "list", "v": [describe(x, sids) for x in obj]}
    if isinstance(obj, tuple):
        return {"t": "tuple", "v": [describe(x, sids) for x in obj]}
    if isinstance(obj, dict):
        d = {"t": "dict", "ordered": isinstance(obj, collections.OrderedDict),
             "v": [[describe(k, sids), describe(v, sids)] for k, v in obj.items()]}
        meta = getattr(obj, "_metadata", None)
        if meta is not None:
            d["state"] = describe({"_metadata": meta}, sids)
        return d
    raise TypeError(f"cannot describe {type(obj)}")


def cases():
    g = torch.Generator().manual_seed(5)
    c = {}
    for dt, name in DTYPES.items():
        base = torch.randn(2, 3, generator=g) * 100
        c["dtype_" + name] = base.to(dt)
    c["zero_dim"] = torch.tensor(3.5)
    c["empty"] = torch.zeros(0, 4)
    m = torch.arange(24, dtype=torch.float32).reshape(4, 6)
    c["view_transpose"] = m.t()
    c["view_offset_step"] = m[1:, ::2]
    c["view_expand"] = torch.arange(3.0).expand(4, 3)
    c["shared_views"] = {"whole": m, "row": m[2], "col": m[:, 1]}
    c["same_tensor_twice"] = [m, m]
    lin = torch.nn.Linear(3, 2)
    c["state_dict_linear"] = lin.state_dict()
    c["state_dict_nested"] = torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.BatchNorm1d(2)).state_dict()
    c["requires_grad"] = torch.ones(3, requires_grad=True)
    c["parameter"] = torch.nn.Parameter(torch.ones(2, 2))
    c["scalars"] = {"a": 1, "b": 300, "c": 70000, "d": -5, "e": 2 ** 40, "f": -(2 ** 39),
                    "g": 2 ** 63 - 1, "h": -(2 ** 63), "i": 2.5, "j": -0.0, "k": "unicodé ✓",
                    "l": None, "m": True, "n": False, 7: "int key"}
    c["nested"] = {"list": [1, [2, (3, 4, 5, 6)], ()], "tuple": (torch.ones(1),),
                   "dict": {"x": {"y": torch.zeros(2, dtype=torch.int64)}}}
    c["many_storages"] = [torch.full((2,), float(i)) for i in range(12)]
    c["big_list"] = list(range(2500))
    return c


def generate(out):
    os.makedirs(out, exist_ok=True)
    for name, obj in cases().items():
        torch.save(obj, os.path.join(out, name + ".pt"))
        with open(os.path.join(out, name + ".json"), "w") as f:
            json.dump(describe(obj, {}), f)
    # Files a weights reader refuses, each with the reason in its name.
    torch.save(torch.ones(2), os.path.join(out, "refuse_legacy.pt"), _use_new_zipfile_serialization=False)

    class M(torch.nn.Module):
        def forward(self, x):
            return x + 1
    torch.jit.save(torch.jit.script(M()), os.path.join(out, "refuse_torchscript.pt"))
    # The same tensor file with deflated records (what zipfile.ZIP_DEFLATED writes).
    src = zipfile.ZipFile(os.path.join(out, "dtype_float32.pt"))
    with zipfile.ZipFile(os.path.join(out, "refuse_deflated.pt"), "w", zipfile.ZIP_DEFLATED) as z:
        for i in src.infolist():
            z.writestr(i.filename, src.read(i.filename))
    # A zip written by Python's zipfile (no data descriptors, no zip64 records).
    with zipfile.ZipFile(os.path.join(out, "zipfile_stored.pt"), "w", zipfile.ZIP_STORED) as z:
        for i in src.infolist():
            z.writestr(i.filename, src.read(i.filename))
    with open(os.path.join(out, "zipfile_stored.json"), "w") as f:
        json.dump(describe(cases()["dtype_float32"], {}), f)


def check(d):
    problems, notes = [], []
    names = sorted(n[:-3] for n in os.listdir(d) if n.endswith(".pt"))
    for name in names:
        path = os.path.join(d, name + ".pt")
        try:
            try:
                obj = torch.load(path, weights_only=True)
            except pickle.UnpicklingError as e:
                # torch 1.13's weights-only unpickler has no BINFLOAT ('G' = 71), which every
                # pickled Python float uses; torch.save's own files with floats fail the same way.
                if "Unsupported operand 71" not in str(e):
                    raise
                notes.append(f"{name}: weights_only=True refuses BINFLOAT in torch 1.13; loaded with weights_only=False")
                obj = torch.load(path, weights_only=False)
            with open(os.path.join(d, name + ".json")) as f:
                want = json.load(f)
            got = describe(obj, {})
            if got != want:
                problems.append(f"{name}: torch reads {json.dumps(got)[:400]}, parity wrote {json.dumps(want)[:400]}")
            zipfile.ZipFile(path).testzip()  # CRCs
            if os.path.exists(os.path.join(d, name + ".same")):
                buf = io.BytesIO()
                torch.save(obj, buf)
                with open(path, "rb") as f:
                    mine = f.read()
                if buf.getvalue() != mine:
                    a = zipfile.ZipFile(path).read("archive/data.pkl")
                    b = zipfile.ZipFile(buf).read("archive/data.pkl")
                    problems.append(f"{name}: not byte-identical to torch.save ({len(mine)} vs "
                                    f"{len(buf.getvalue())} bytes; data.pkl same: {a == b})")
        except Exception as e:  # noqa: BLE001 - every failure is reported
            problems.append(f"{name}: {type(e).__name__}: {e}")
    for p in notes + problems:
        print(p)
    print(f"checked {len(names)} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2])
        sys.exit(0)
    sys.exit(check(sys.argv[2]))
