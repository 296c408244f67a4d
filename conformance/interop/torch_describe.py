"""describe(obj): what a loaded torch file holds, as JSON, for comparing what
python3-torch and the parity engines see (conformance/interop, SAVE-11/12).

A tensor is described by dtype, sizes, strides, storage offset, requires_grad,
which storage it views (numbered by first appearance, so sharing shows), that
storage's size in elements, and every value as the raw bits of its element
(exact: NaN payloads and signed zeros included).
"""
import collections

import torch

DTYPES = {
    torch.float64: "float64", torch.float32: "float32", torch.float16: "float16",
    torch.bfloat16: "bfloat16", torch.int64: "int64", torch.int32: "int32",
    torch.int16: "int16", torch.int8: "int8", torch.uint8: "uint8", torch.bool: "bool",
}
BITS_VIEW = {1: torch.uint8, 2: torch.int16, 4: torch.int32, 8: torch.int64}


def element_bits(t):
    size = t.element_size()
    flat = t.detach().contiguous().view(BITS_VIEW[size]).reshape(-1).tolist()
    mask = (1 << (8 * size)) - 1
    return [int(x) & mask for x in flat]


class Describer:
    def __init__(self):
        self.storages = {}

    def __call__(self, obj):
        if obj is None:
            return {"kind": "none"}
        if isinstance(obj, bool):
            return {"kind": "bool", "value": obj}
        if isinstance(obj, int):
            return {"kind": "int", "value": obj}
        if isinstance(obj, float):
            return {"kind": "float", "value": obj}
        if isinstance(obj, str):
            return {"kind": "str", "value": obj}
        if isinstance(obj, torch.Tensor):
            return self.tensor(obj)
        if isinstance(obj, list):
            return {"kind": "list", "items": [self(x) for x in obj]}
        if isinstance(obj, tuple):
            return {"kind": "tuple", "items": [self(x) for x in obj]}
        if isinstance(obj, dict):
            return {"kind": "dict", "ordered": isinstance(obj, collections.OrderedDict),
                    "entries": [[self(k), self(v)] for k, v in obj.items()]}
        raise TypeError(f"cannot describe {type(obj)}")

    def tensor(self, t):
        key = t.storage()._cdata
        sid = self.storages.setdefault(key, len(self.storages))
        return {"kind": "tensor", "dtype": DTYPES[t.dtype], "sizes": list(t.shape),
                "strides": list(t.stride()), "offset": t.storage_offset(), "storage": sid,
                "storage_numel": t.storage().size(), "requires_grad": t.requires_grad,
                "bits": element_bits(t)}


def describe(obj):
    return Describer()(obj)


def has_float_scalar(obj):
    """Python floats pickle as BINFLOAT, which 1.13's weights_only loader refuses."""
    if isinstance(obj, float):
        return True
    if isinstance(obj, (list, tuple)):
        return any(has_float_scalar(x) for x in obj)
    if isinstance(obj, dict):
        return any(has_float_scalar(k) or has_float_scalar(v) for k, v in obj.items())
    return False
