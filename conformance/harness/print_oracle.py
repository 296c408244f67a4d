"""Printing oracle for parity's conformance suite.

Reads one JSON request per line on stdin: {"dtype", "shape", "hex", "requires_grad", "what"}
with the tensor's bytes in C order, and answers one JSON line {"text": ...} holding what
print() shows in this torch (Debian's 1.13), or {"error": ...}.
"""
import json
import sys

import torch

DTYPES = {str(d).replace("torch.", ""): d for d in (
    torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64,
    torch.float16, torch.bfloat16, torch.float32, torch.float64)}


def answer(req):
    dtype = DTYPES[req["dtype"]]
    raw = bytearray(bytes.fromhex(req["hex"]))
    if raw:
        t = torch.frombuffer(raw, dtype=dtype).reshape(req["shape"])
    else:
        t = torch.empty(req["shape"], dtype=dtype)
    if req["what"] == "storage":
        return str(t.storage())
    if req["requires_grad"]:
        t.requires_grad_()
    return repr(t)


def main():
    print(json.dumps({"ready": torch.__version__}), flush=True)
    for line in sys.stdin:
        try:
            reply = {"text": answer(json.loads(line))}
        except Exception as e:  # reported to the C++ side, which fails the entry
            reply = {"error": f"{type(e).__name__}: {e}"}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    import warnings
    warnings.simplefilter("ignore")
    main()
