"""Writes the torch.save side of the round trips with real PyTorch (SAVE-11).

  make_torch_files.py OUT   writes OUT/torch/<name>.pt with python3-torch's
                            torch.save and OUT/manifest.json: for each file its
                            category and describe() of what torch.load gives.

Run by ctest as a FIXTURES_SETUP test; interop_torch_files loads every file in
both engines, writes each back from both engines, and check_torch_files.py
loads those in python3-torch.
"""
import collections
import json
import os
import sys

try:
    import torch
except ImportError:
    print("no python3-torch: skipped")
    sys.exit(77)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_describe import DTYPES, describe, has_float_scalar  # noqa: E402


def counting(shape, dtype):
    n = 1
    for s in shape:
        n *= s
    t = torch.arange(n, dtype=torch.float64).reshape(shape)
    if dtype == torch.bool:
        return (t.remainder(3) == 1)
    if dtype in (torch.int8, torch.uint8):
        t = t.remainder(100)
    return (t * 1.5 - 7 if dtype.is_floating_point else t - (0 if dtype == torch.uint8 else 7)).to(dtype)


def layouts(dtype):
    base = counting((4, 6), dtype)
    cube = counting((2, 3, 4), dtype)
    return {
        "contiguous": base,
        "transposed": base.t(),
        "sliced_offset": base[1:3],
        "stepped": base[:, 1::2],
        "expanded": counting((3,), dtype).expand(4, 3),
        "zero_dim": counting((5,), dtype)[3],
        "empty": torch.empty((2, 0, 3), dtype=dtype),
        "permuted": cube.permute(2, 0, 1),
        "sharing": [base, base.t(), base[2], base[:, 1:4], counting((2,), dtype)],
    }


def state_dicts():
    torch.manual_seed(0)
    lin = torch.nn.Linear(3, 2)
    seq = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.BatchNorm1d(3), torch.nn.ReLU(),
                              torch.nn.Linear(3, 1, bias=False))
    seq(torch.randn(5, 4))  # running stats and num_batches_tracked move
    conv = torch.nn.Conv2d(2, 3, 3).to(torch.float64)
    return {"state_dict_linear": lin.state_dict(), "state_dict_sequential": seq.state_dict(),
            "state_dict_conv_float64": conv.state_dict()}


def objects():
    out = {}
    for dtype, name in DTYPES.items():
        for layout, obj in layouts(dtype).items():
            out[f"{layout}/{name}"] = obj
    for name, sd in state_dicts().items():
        out[f"containers/{name}"] = sd
    a, b = counting((2, 3), torch.float32), counting((4,), torch.int64)
    out["containers/dict"] = {"weight": a, "bias": b, "step": 3, "name": "net"}
    out["containers/dict_one_entry"] = {"only": a}
    out["containers/dict_int_keys"] = {0: a, 1: a.t(), 2: b}
    out["containers/ordered_dict"] = collections.OrderedDict([("z", a), ("a", b), ("m", a[1])])
    out["containers/list"] = [a, b, 7, "x", None, True, False]
    out["containers/tuple"] = (a, b, a[0])
    out["containers/nested"] = {"layers": [{"w": a, "b": b}, (a.t(), [b[1:], None])],
                                "meta": {"epoch": 2, "tags": ("x", "y")}}
    out["containers/scalars"] = [None, True, -5, 2**40, "ünïcode"]
    out["containers/floats"] = {"lr": 0.125, "betas": (0.9, 0.999), "w": a}
    out["containers/empty"] = [[], (), {}]
    out["containers/same_tensor_twice"] = [a, a]
    for dtype in (torch.float64, torch.float32, torch.float16, torch.bfloat16):
        name = DTYPES[dtype]
        out[f"requires_grad/{name}"] = counting((2, 2), dtype).requires_grad_()
        out[f"special_values/{name}"] = torch.tensor(
            [0.0, -0.0, float("inf"), float("-inf"), float("nan"), 1e-40, 65504.0, -1.5],
            dtype=torch.float64).to(dtype)
    w = counting((3,), torch.float32).requires_grad_()
    out["requires_grad/in_list_with_view"] = [w, w.detach()[1:], counting((2,), torch.float64)]
    out["large/float32_5MiB"] = torch.arange(5 << 18, dtype=torch.float32).reshape(1280, 1024)[7:]
    return out


def main(out_dir):
    torch_dir = os.path.join(out_dir, "torch")
    os.makedirs(torch_dir, exist_ok=True)
    manifest = []
    for key, obj in objects().items():
        category, variant = key.split("/")
        name = f"{category}__{variant}"
        torch.save(obj, os.path.join(torch_dir, name + ".pt"))
        loaded = torch.load(os.path.join(torch_dir, name + ".pt"))
        manifest.append({"name": name, "category": category, "root": describe(loaded),
                         "has_float_scalar": has_float_scalar(obj)})
    with open(os.path.join(out_dir, "manifest.json"), "w") as f:
        json.dump(manifest, f)
    print(f"wrote {len(manifest)} files into {torch_dir}")


if __name__ == "__main__":
    main(sys.argv[1])
