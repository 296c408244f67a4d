#!/usr/bin/python3
"""numpy / h5py cross-check of both engines' .npy and HDF5 interop.

Run by ctest (interop_npy_h5): writes .npy files with numpy (every dtype
numpy shares with torch, C and Fortran order, big-endian, 0-d, empty,
format versions 2.0 and 3.0, and a few files numpy itself refuses) and an
HDF5 file with h5py; runs the engines' driver (crosscheck.cpp), which loads
them and writes them back along with tensors of its own; then checks with
numpy, h5py and torch that
  - each loaded tensor has the dtype, shape and strides torch.from_numpy
    gives (Fortran order included) and, written back, is byte for byte what
    np.save writes for the same array;
  - files numpy refuses are refused;
  - each h5py dataset read and written back equals h5py's data, dtype and
    shape, and dset[-2:] / dset[1:-1] equal h5py's slices;
  - each engine-made tensor, as .npy and HDF5, equals torch's.
Nothing is committed: every file is generated here.
"""
import io
import os
import shutil
import subprocess
import sys

import h5py
import numpy as np
import torch

CODES = ["f2", "f4", "f8", "i1", "i2", "i4", "i8", "u1", "b1"]
TORCH = {"f2": torch.float16, "f4": torch.float32, "f8": torch.float64,
         "i1": torch.int8, "i2": torch.int16, "i4": torch.int32, "i8": torch.int64,
         "u1": torch.uint8, "b1": torch.bool}
ENGINES = ["reference", "fast"]
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def values(code, shape):
    """Distinct values of each dtype laid out in `shape`."""
    n = int(np.prod(shape)) if shape else 1
    i = np.arange(n)
    if code == "b1":
        v = i % 3 == 0
    elif code[0] == "f":
        v = i * 0.75 - 4
    elif code == "u1":
        v = (i * 7) % 256
    else:
        v = i * 5 - 2 * n
    return v.astype(np.dtype(code)).reshape(shape)


def npy_bytes(arr):
    b = io.BytesIO()
    np.save(b, arr)
    return b.getvalue()


def write_inputs(d):
    npy = os.path.join(d, "py_npy")
    os.makedirs(npy)
    expect = {}  # file name -> the array np.load gives, or None if numpy refuses
    for code in CODES:
        for shape in [(3, 4), (2, 3, 4)]:
            a = values(code, shape)
            for order in ["C", "F"]:
                x = np.asfortranarray(a) if order == "F" else a
                name = f"{code}_{order}_{len(shape)}d.npy"
                np.save(os.path.join(npy, name), x)
                expect[name] = x
            if code not in ("i1", "u1", "b1"):  # '>' only where bytes can swap
                for order in ["C", "F"]:
                    x = a.astype(">" + code, order=order)
                    name = f"{code}_big_{order}_{len(shape)}d.npy"
                    np.save(os.path.join(npy, name), x)
                    expect[name] = x
        zero = values(code, ())
        np.save(os.path.join(npy, f"{code}_0d.npy"), zero)
        expect[f"{code}_0d.npy"] = zero
        for shape in [(0, 3), (2, 0, 3)]:
            e = np.zeros(shape, np.dtype(code))
            name = f"{code}_empty_{'x'.join(map(str, shape))}.npy"
            np.save(os.path.join(npy, name), e)
            expect[name] = e
    for version in [(2, 0), (3, 0)]:
        a = np.asfortranarray(values("f4", (3, 5)))
        name = f"f4_version{version[0]}.npy"
        with open(os.path.join(npy, name), "wb") as f:
            np.lib.format.write_array(f, a, version=version)
        expect[name] = a
    # Files numpy refuses; the engines must refuse them too.
    good = npy_bytes(values("f8", (4,)))
    bad = {"bad_truncated.npy": good[:-3], "bad_magic.npy": b"\x93NUMPZ" + good[6:],
           "bad_version.npy": good[:6] + b"\x05\x00" + good[8:],
           "bad_descr.npy": good.replace(b"'<f8'", b"'<c8'", 1)[:-16],
           "bad_keys.npy": good.replace(b"'shape'", b"'shapf'", 1)}
    for name, b in bad.items():
        with open(os.path.join(npy, name), "wb") as f:
            f.write(b)
        try:
            np.load(os.path.join(npy, name))
            sys.exit(f"numpy reads {name}, which should be malformed")
        except (ValueError, EOFError, OSError):
            expect[name] = None

    h5 = {}
    with h5py.File(os.path.join(d, "py.h5"), "w") as f:
        for code in CODES:
            h5[code] = f[code] = values(code, (5, 3))
        h5["big_f8"] = values("f8", (4, 2))
        f.create_dataset("big_f8", data=h5["big_f8"], dtype=">f8")
        h5["big_i4"] = values("i4", (6,))
        f.create_dataset("big_i4", data=h5["big_i4"], dtype=">i4")
        h5["scalar"] = f["scalar"] = np.float32(2.5)
        h5["empty"] = f["empty"] = np.zeros((0, 3), np.int16)
        h5["grp/sub/x"] = f["grp/sub/x"] = values("i8", (3, 2, 2))
        h5["chunked"] = values("f4", (40, 3))
        f.create_dataset("chunked", data=h5["chunked"], chunks=(7, 3), compression="gzip")
        # S001-74: the seed's points, as h5py writes points.numpy().
        h5["coords"] = f["coords"] = np.array([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]], np.float32)
    with open(os.path.join(d, "py_h5.txt"), "w") as f:
        f.write("".join(k + "\n" for k in h5))
    return expect, h5


def own_tensors():
    """The tensors crosscheck.cpp's ownTensors() makes, built with torch."""
    out = {}
    for code in CODES:
        dt = TORCH[code]
        base = torch.arange(24, dtype=torch.float64)
        if dt.is_floating_point:
            base = base * 1.5 - 6
        elif code not in ("u1", "b1"):
            base = base - 12
        base = base.to(dt)
        out[code + "_c"] = base.reshape(2, 3, 4)
        out[code + "_t"] = base.reshape(4, 6).t()
        out[code + "_v"] = base.reshape(4, 6)[1:, ::2]
        out[code + "_0d"] = base[5]
        out[code + "_empty"] = torch.zeros(2, 3, dtype=dt)[0:0]
    return out


def same(a, b):
    return a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b)


def check_npy(d, engine, expect):
    rows = {}
    with open(os.path.join(d, engine, "loaded.txt")) as f:
        for line in f:
            name, rest = line.rstrip("\n").split(" | ", 1)
            rows[name] = rest.split(" | ")
    checked = 0
    for name, arr in expect.items():
        row = rows.get(name)
        if row is None:
            fail(f"{engine}: {name} not loaded at all")
            continue
        if arr is None:
            if row[0] != "ERROR":
                fail(f"{engine}: {name} is malformed but was loaded")
            checked += 1
            continue
        if row[0] == "ERROR":
            fail(f"{engine}: {name}: {row[1]}")
            continue
        # The contract is torch.from_numpy(np.load(f)): np.load's strides
        # (an empty array's too), in native byte order.
        loaded = np.load(os.path.join(d, "py_npy", name))
        if not same(loaded, arr):
            fail(f"numpy: {name} does not read back as written")
        native = loaded if loaded.dtype.isnative else loaded.astype(
            loaded.dtype.newbyteorder("="), order="K")
        t = torch.from_numpy(native)
        sizes = ",".join(map(str, t.shape))
        strides = ",".join(map(str, t.stride()))
        if row[0] != sizes or row[1] != strides or row[2] != str(t.dtype):
            fail(f"{engine}: {name}: loaded as sizes {row[0]} strides {row[1]} {row[2]}, "
                 f"torch.from_numpy gives {sizes} {strides} {t.dtype}")
        with open(os.path.join(d, engine, "resaved", name), "rb") as f:
            got = f.read()
        want = npy_bytes(native.copy(order="C"))  # (ascontiguousarray makes 0-d 1-d)
        if got != want:
            fail(f"{engine}: {name}: save_npy of the loaded tensor differs from np.save "
                 f"({len(got)} vs {len(want)} bytes)")
        checked += 1
    return checked


def check_h5(d, engine, h5):
    checked = 0
    with h5py.File(os.path.join(d, engine, "out.h5"), "r") as f:
        for name, arr in h5.items():
            want = np.asarray(arr).astype(np.asarray(arr).dtype.newbyteorder("="))
            got = f[name][()]
            if not same(np.asarray(got), want):
                fail(f"{engine}: h5 {name}: got {got!r}, h5py wrote {want!r}")
            checked += 1
            if want.ndim > 0:
                for suffix, want_part in [("__tail", want[-2:]), ("__mid", want[1:-1])]:
                    part = f[name + suffix][()]
                    if not same(part, want_part):
                        fail(f"{engine}: h5 {name}{suffix}: got {part!r}, want {want_part!r}")
                    checked += 1
    return checked


def check_own(d, engine):
    checked = 0
    with h5py.File(os.path.join(d, engine, "gen.h5"), "r") as f:
        for name, t in own_tensors().items():
            want = t.contiguous().numpy()
            with open(os.path.join(d, engine, "gen", name + ".npy"), "rb") as g:
                got = g.read()
            if got != npy_bytes(want):
                fail(f"{engine}: own tensor {name}: .npy differs from np.save of torch's")
            if not same(np.load(os.path.join(d, engine, "gen", name + ".npy")), want):
                fail(f"{engine}: own tensor {name}: np.load disagrees with torch")
            if not same(np.asarray(f[name][()]), want):
                fail(f"{engine}: own tensor {name}: h5py reads {f[name][()]!r}, torch has {want!r}")
            checked += 2
    return checked


def main():
    driver, d = sys.argv[1], sys.argv[2]
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    expect, h5 = write_inputs(d)
    run = subprocess.run([driver, d], capture_output=True, text=True)
    if run.returncode != 0:
        fail(f"driver exited {run.returncode}: {run.stderr}")
    for engine in ENGINES:
        n_npy = check_npy(d, engine, expect)
        n_h5 = check_h5(d, engine, h5)
        n_own = check_own(d, engine)
        print(f"{engine}: {n_npy} numpy files, {n_h5} h5py datasets and slices, "
              f"{n_own} own tensors (.npy + HDF5) checked")
    if failures:
        print(f"{len(failures)} failures")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
