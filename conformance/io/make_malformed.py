#!/usr/bin/env python3
"""Writes the malformed and malicious file corpus of the io tests.

Every bad file is derived from real torch.save / numpy output (Debian's
python3-torch 1.13, python3-numpy) made here, at test time: nothing binary is
committed. Next to the corpus goes manifest.json: for every file the
SerializationErrorCode a reader must throw and a regex its message must match
(the part of the file it names, the expected and the actual value).

Usage: make_malformed.py OUT_DIR
  OUT_DIR/valid/      real torch.save and numpy files (positive controls, fuzz seeds)
  OUT_DIR/malformed/  the bad files, one folder per category
  OUT_DIR/manifest.json
  OUT_DIR/SENTINEL is the path the malicious payloads would create; it must never exist.

Self-checks (the generator fails rather than write a corpus that proves nothing):
  * its zip writer reproduces torch.save's bytes exactly from the records;
  * its pickle assembler's tensors load in torch.load(weights_only=True);
  * every sentinel payload really creates its file when Python's pickle runs it.
"""
import collections
import io
import json
import os
import pickle
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

import numpy as np
import torch

OUT = os.path.abspath(sys.argv[1])
MAL = os.path.join(OUT, "malformed")
VALID = os.path.join(OUT, "valid")
SENTINEL = os.path.join(OUT, "SENTINEL")
manifest = []
valid = []


def check(cond, what):
    if not cond:
        sys.exit("make_malformed.py: self-check failed: " + what)


# ---------------------------------------------------------------- zip writer
# torch 1.13 (miniz, MZ_ZIP_FLAG_WRITE_ZIP64): local headers with flags 0x0808
# and zero sizes, data 64-byte aligned through an "FB" extra field of 'Z's,
# a data descriptor after each record, a central directory, then a zip64 EOCD
# record, its locator and the classic EOCD.


class Entry:
    def __init__(self, name, data, **kw):
        self.name = name.encode() if isinstance(name, str) else name
        self.data = data
        self.central_name = kw.get("central_name", self.name)
        self.method = kw.get("method", 0)
        self.flags = kw.get("flags", 0x0808)
        self.crc = kw.get("crc")  # None: the real CRC-32
        self.csize = kw.get("csize")  # None: len(data)
        self.usize = kw.get("usize")
        self.stored = kw.get("stored", data)  # the bytes in the file


def write_zip(entries, eocd_entries=None, cd_offset_delta=0, comment_len=0):
    out = bytearray()
    central = bytearray()
    for e in entries:
        off = len(out)
        start = off + 30 + len(e.name) + 4
        pad = (-start) % 64
        extra = b"FB" + struct.pack("<H", pad) + b"Z" * pad
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 0, e.flags, e.method, 0, 0, 0, 0, 0,
                           len(e.name), len(extra))
        out += e.name + extra + e.stored
        crc = zlib.crc32(e.data) if e.crc is None else e.crc
        csize = len(e.stored) if e.csize is None else e.csize
        usize = len(e.data) if e.usize is None else e.usize
        out += struct.pack("<IIII", 0x08074B50, crc, csize & 0xFFFFFFFF, usize & 0xFFFFFFFF)
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0, 0, e.flags, e.method, 0, 0,
                               crc, csize, usize, len(e.central_name), 0, 0, 0, 0, 0, off)
        central += e.central_name
    n = len(entries) if eocd_entries is None else eocd_entries
    cd_off = len(out) + cd_offset_delta
    z64 = len(out) + len(central)
    out += central
    out += struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 0x031E, 0x2D, 0, 0, n, n, len(central),
                       cd_off)
    out += struct.pack("<IIQI", 0x07064B50, 0, z64, 1)
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n & 0xFFFF, n & 0xFFFF, len(central),
                       cd_off & 0xFFFFFFFF, comment_len)
    return bytes(out)


def records(blob):
    z = zipfile.ZipFile(io.BytesIO(blob))
    return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def rezip(blob, edit=None, **kw):
    """torch's records, passed through `edit(list of Entry)`, written again."""
    es = [Entry(n, d) for n, d in records(blob)]
    if edit:
        es = edit(es) or es
    return write_zip(es, **kw)


def saved(obj, **kw):
    b = io.BytesIO()
    torch.save(obj, b, **kw)
    return b.getvalue()


# ---------------------------------------------------------- pickle assembler
def uni(s):
    b = s.encode()
    return b"X" + struct.pack("<I", len(b)) + b


def glob(module, name):
    return b"c" + module.encode() + b"\n" + name.encode() + b"\n"


def integer(v):
    if 0 <= v < 256:
        return b"K" + bytes([v])
    if 0 <= v < 65536:
        return b"M" + struct.pack("<H", v)
    if -(2**31) <= v < 2**31:
        return b"J" + struct.pack("<i", v)
    b = pickle.encode_long(v)
    return b"\x8a" + bytes([len(b)]) + b


def tup(items):
    return b"(" + b"".join(items) + b"t"


def pid(stype="FloatStorage", key="0", loc="cpu", numel=6):
    return tup([uni("storage"), glob("torch", stype), uni(key), uni(loc), integer(numel)]) + b"Q"


def tensor_ops(storage=None, offset=0, size=(2, 3), stride=(3, 1), grad=False,
               rebuild=("torch._utils", "_rebuild_tensor_v2"), hooks=None, extra=b""):
    storage = pid() if storage is None else storage
    hooks = glob("collections", "OrderedDict") + b")R" if hooks is None else hooks
    args = [storage, integer(offset), tup([integer(s) for s in size]),
            tup([integer(s) for s in stride]), b"\x88" if grad else b"\x89", hooks]
    return glob(*rebuild) + tup(args) + extra + b"R"


def pkl(body):
    return b"\x80\x02" + body + b"."


DATA = struct.pack("<6f", 0, 1, 2, 3, 4, 5)


def archive(data_pkl, data=DATA, more=(), key="0"):
    es = [Entry("archive/data.pkl", data_pkl)]
    if data is not None:
        es.append(Entry("archive/data/" + key, data))
    es += [Entry(n, d) for n, d in more]
    es.append(Entry("archive/version", b"3\n"))
    return write_zip(es)


def torch_loads(blob):
    return torch.load(io.BytesIO(blob), weights_only=True)


# ------------------------------------------------------------------ output
def put(category, name, blob, code, message, fmt="torch", bomb=False):
    path = os.path.join(MAL, category, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(blob)
    check(len(blob) > 0 or code in ("Truncated", "NpyFormat"), name + " is empty")
    manifest.append({"file": os.path.relpath(path, OUT), "category": category, "format": fmt,
                     "code": code, "message": message, "bomb": bomb, "bytes": len(blob)})


def put_valid(name, blob, kind="tensor"):
    path = os.path.join(VALID, name)
    with open(path, "wb") as f:
        f.write(blob)
    return dict(file=os.path.relpath(path, OUT), kind=kind,
                format="npy" if name.endswith(".npy") else "torch")


def payload_ranges(blob):
    """(name, start, length) of each record's bytes in a torch.save file."""
    out = []
    for i in zipfile.ZipFile(io.BytesIO(blob)).infolist():
        n, x = struct.unpack_from("<HH", blob, i.header_offset + 26)
        out.append((i.filename, i.header_offset + 30 + n + x, i.file_size))
    return out


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(VALID)
    os.makedirs(MAL)
    torch.manual_seed(5)

    # --- the real files everything starts from
    base = torch.arange(6.0).reshape(2, 3)
    t_blob = saved(base)
    sd_blob = saved(torch.nn.Linear(3, 2).state_dict())
    big = torch.arange(24, dtype=torch.float32)
    v_blob = saved({"whole": big, "view": big[2:14].view(3, 4)[:, 1::2], "t": big.view(4, 6).t()})
    valid.extend([put_valid("tensor.pt", t_blob, kind="tensor"),
                  put_valid("state_dict.pt", sd_blob, kind="state_dict"),
                  put_valid("views.pt", v_blob, kind="dict")])
    for dt in (torch.float64, torch.float16, torch.bfloat16, torch.int64, torch.int32,
               torch.int16, torch.int8, torch.uint8, torch.bool):
        name = "dtype_" + str(dt).split(".")[1] + ".pt"
        valid.append(put_valid(name, saved((torch.arange(5) % 3).to(dt)), kind="tensor"))
    valid.append(put_valid("nested.pt", saved([1, 2.5, "s", None, True, (base, {"k": base[1]})]),
                           kind="list"))
    valid.append(put_valid("scalar0d.pt", saved(torch.tensor(3.5)), kind="tensor"))
    valid.append(put_valid("empty.pt", saved(torch.zeros(0, 3)), kind="tensor"))

    # the zip writer is torch's, byte for byte; so derived files differ only where meant
    for blob in (t_blob, sd_blob, v_blob):
        check(rezip(blob) == blob, "zip writer does not reproduce torch.save")
    # the pickle assembler's tensor is torch's tensor
    good = archive(pkl(tensor_ops()))
    check(torch.equal(torch_loads(good), base), "assembled tensor differs from torch's")
    valid.append(put_valid("assembled.pt", good, kind="tensor"))

    zip_categories(t_blob, sd_blob, v_blob)
    pickle_categories()
    tensor_categories()
    bomb_categories()
    format_categories(base)
    npy_categories()

    for e in manifest:
        check(e["code"] in CODES, e["file"] + ": unknown code " + e["code"])
    with open(os.path.join(OUT, "manifest.json"), "w") as f:
        json.dump({"sentinel": SENTINEL, "valid": valid, "malformed": manifest,
                   "payloads": {"valid/tensor.pt": payload_ranges(t_blob),
                                "valid/state_dict.pt": payload_ranges(sd_blob)}}, f, indent=1)
    cats = collections.Counter(e["category"] for e in manifest)
    print("make_malformed.py: %d malformed files, %d valid; per category:" %
          (len(manifest), len(valid)))
    for c, n in sorted(cats.items()):
        print("  %-28s %d" % (c, n))


CODES = {"Io", "Truncated", "NotATorchFile", "ZipStructure", "BadCrc", "Compressed",
         "MissingRecord", "UnsupportedVersion", "TorchScriptArchive", "LegacyFormat",
         "UnsupportedOpcode", "PickleStructure", "DisallowedGlobal", "UnsupportedObject",
         "LimitExceeded", "BadStorage", "BadView", "Overflow", "NpyFormat", "Hdf5", "Unsupported"}


# ------------------------------------------------------------------- zip
def zip_categories(t_blob, sd_blob, v_blob):
    # truncated at many offsets: every header, every record, the directory, the EOCD
    n = len(t_blob)
    offsets = sorted(set([0, 1, 2, 3, 4, 10, 29, 30, 45, 64, 100, 180, 230, 234, 300, 330, 360,
                          400, 430, 450, 480, 520, 560, 600, n - 80, n - 60, n - 40, n - 23,
                          n - 22, n - 10, n - 1]))
    for off in offsets:
        if 0 < off < 4:  # not even the zip magic is left
            put("zip/truncated", "tensor_%04d.pt" % off, t_blob[:off], "NotATorchFile",
                r"starts with 0x[0-9a-f]+, expected a zip archive")
            continue
        put("zip/truncated", "tensor_%04d.pt" % off, t_blob[:off], "Truncated",
            r"(?i)(truncat|ends|short|bytes)")
    for off in (len(sd_blob) // 3, len(sd_blob) // 2, len(sd_blob) - 30):
        put("zip/truncated", "state_dict_%04d.pt" % off, sd_blob[:off], "Truncated",
            r"(?i)(truncat|ends|short|bytes)")

    # no end-of-central-directory record (signature wiped, length kept): the reader
    # cannot tell this from a file cut short
    eocd = t_blob.rindex(b"PK\x05\x06")
    put("zip/no_eocd", "eocd_wiped.pt", t_blob[:eocd] + b"\0\0\0\0" + t_blob[eocd + 4:],
        "Truncated", r"end-of-central-directory")
    z = t_blob.rindex(b"PK\x06\x06")
    loc = t_blob.rindex(b"PK\x06\x07")
    wiped = bytearray(t_blob)
    for p in (eocd, z, loc):
        wiped[p:p + 4] = b"\0\0\0\0"
    put("zip/no_eocd", "all_eocd_wiped.pt", bytes(wiped), "Truncated",
        r"end-of-central-directory")
    put("zip/no_eocd", "eocd_comment_beyond_file.pt", rezip(t_blob, comment_len=200),
        "Truncated", r"end-of-central-directory")
    put("zip/no_eocd", "cd_offset_wrong.pt", rezip(t_blob, cd_offset_delta=8), "ZipStructure",
        r"central directory at offset \d+ of \d+ bytes runs past")
    put("zip/no_eocd", "entry_count_wrong.pt", rezip(t_blob, eocd_entries=5), "ZipStructure",
        r"central directory of \d+ bytes cannot hold 5 entries")

    # bad CRC: one bit flipped in a record's bytes (G5), or in the directory's CRC
    for name, start, length in payload_ranges(t_blob) + payload_ranges(sd_blob)[:1]:
        src = t_blob if name.startswith("archive/") and start < len(t_blob) and \
            t_blob[start:start + length] == dict(records(t_blob)).get(name) else sd_blob
        step = max(1, length // 12)
        for k, off in enumerate(range(0, length, step)):
            b = bytearray(src)
            b[start + off] ^= 1 << (k % 8)
            short = name.split("/", 1)[1].replace("/", "_")
            put("zip/bad_crc", "%s_%s_%04d_bit%d.pt" % (
                "tensor" if src is t_blob else "sd", short, off, k % 8), bytes(b), "BadCrc",
                r"%s: CRC-32 of the record is 0x[0-9a-f]{8}, the central directory says "
                r"0x[0-9a-f]{8}" % name.replace(".", r"\."))

    def wrong_crc(es):
        es[1].crc = zlib.crc32(es[1].data) ^ 0x80
    put("zip/bad_crc", "directory_crc_wrong.pt", rezip(t_blob, wrong_crc), "BadCrc",
        r"(?i)data/0.*crc")

    # the local header names one record, the directory another
    def mismatch(es):
        es[1].central_name = b"archive/data/1"
    put("zip/name_mismatch", "data0_vs_data1.pt", rezip(t_blob, mismatch), "ZipStructure",
        r"(?i)(name|local)")

    def mismatch2(es):
        es[0].name = b"archive/data.pkm"
    put("zip/name_mismatch", "data_pkl_local.pt", rezip(t_blob, mismatch2), "ZipStructure",
        r"(?i)(name|local)")

    def mismatch3(es):
        es[1].name = b"archive/data/00"
    put("zip/name_mismatch", "data0_local_longer.pt", rezip(t_blob, mismatch3), "ZipStructure",
        r"(?i)(name|local)")

    # declared sizes larger than the file
    for which, field, value in ((1, "csize", 0x7FFFFFF0), (1, "usize", 0x7FFFFFF0),
                                (0, "csize", 100000)):
        def grow(es, which=which, field=field, value=value):
            setattr(es[which], field, value)
            if field == "csize":
                es[which].usize = value
        put("zip/declared_size", "%s_%s_%d.pt" % (["pkl", "data0"][which], field, value),
            rezip(t_blob, grow), "Truncated" if field == "csize" else "ZipStructure",
            r"record of %d bytes .*runs past the end" % value if field == "csize" else
            r"compressed size 24 and size %d" % value)

    # duplicate names
    def dup(es):
        return es[:2] + [Entry("archive/data/0", es[1].data)] + es[2:]
    put("zip/duplicate_names", "data0_twice.pt", rezip(t_blob, dup), "ZipStructure",
        r"(?i)(duplicate|twice).*data/0")

    def dup_pkl(es):
        return es[:1] + [Entry("archive/data.pkl", es[0].data)] + es[1:]
    put("zip/duplicate_names", "data_pkl_twice.pt", rezip(t_blob, dup_pkl), "ZipStructure",
        r"(?i)(duplicate|twice).*data\.pkl")
    put("zip/duplicate_names", "version_twice.pt",
        rezip(t_blob, lambda es: es + [Entry("archive/version", b"3\n")]), "ZipStructure",
        r"(?i)(duplicate|twice).*version")

    # names leaving the archive's folder
    for bad in ("archive/../evil", "../archive/data/0", "/etc/passwd", "archive/data/../../x",
                "other/data/0"):
        def evil(es, bad=bad):
            return es[:2] + [Entry(bad, b"x")] + es[2:]
        put("zip/dotdot_names", bad.replace("/", "_").replace(".", "d") + ".pt",
            rezip(t_blob, evil), "ZipStructure", r"(?i)(name|folder|outside|\.\.)")

    # compressed (deflated) records; an encrypted flag
    def deflate(i):
        def f(es):
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            es[i].stored = c.compress(es[i].data) + c.flush()
            es[i].method = 8
        return f
    put("zip/compressed", "data0_deflated.pt", rezip(t_blob, deflate(1)), "Compressed",
        r"data/0")
    put("zip/compressed", "data_pkl_deflated.pt", rezip(t_blob, deflate(0)), "Compressed",
        r"data\.pkl")
    put("zip/compressed", "sd_deflated.pt", rezip(sd_blob, deflate(1)), "Compressed", r"data/")

    def bzip(es):
        es[1].method = 12
    put("zip/compressed", "data0_method12.pt", rezip(t_blob, bzip), "Compressed", r"data/0")

    for i, what in enumerate(("data_pkl", "data0", "version")):
        def encrypted(es, i=i):
            es[i].flags |= 1
        put("zip/flag_bits", what + "_encrypted.pt", rezip(t_blob, encrypted), "ZipStructure",
            r"(?i)(encrypt|flag)")

    # missing records
    def drop(name):
        return lambda es: [e for e in es if e.name != name.encode()]
    put("zip/missing_record", "no_data_pkl.pt", rezip(t_blob, drop("archive/data.pkl")),
        "MissingRecord", r"data\.pkl")
    put("zip/missing_record", "no_version.pt", rezip(t_blob, drop("archive/version")),
        "MissingRecord", r"version")
    put("zip/missing_record", "no_storage.pt", rezip(t_blob, drop("archive/data/0")),
        "MissingRecord", r"data/0")
    put("zip/missing_record", "sd_no_storage1.pt", rezip(sd_blob, drop("archive/data/1")),
        "MissingRecord", r"data/1")
    # an archive without entries starts with its end records, not a local header
    put("zip/missing_record", "empty_zip.pt", write_zip([]), "NotATorchFile",
        r"expected a zip archive")

    # version record outside 1..3 (torch 1.13 reads 1..kMaxSupportedFileFormatVersion)
    for text in (b"0\n", b"99\n", b"x\n", b"-1\n"):
        def ver(es, text=text):
            es[-1].data = es[-1].stored = text
        put("zip/version", "version_%s.pt" % text.strip().decode().replace("-", "m"),
            rezip(t_blob, ver), "UnsupportedVersion",
            r"archive/version: file format version '%s'" % text.strip().decode())

    # storage records shorter or longer than numel × itemsize (6 × float32 = 24 bytes)
    for size in (0, 8, 23, 25, 48):
        def resize(es, size=size):
            es[1].data = es[1].stored = (es[1].data * 2)[:size]
        put("zip/storage_record", "data0_%d_bytes.pt" % size, rezip(t_blob, resize),
            "BadStorage",
            r"data/0: storage record has %d bytes, header declares 24 \(6 × float32\)" % size)


# ---------------------------------------------------------------- pickle
def pickle_categories():
    T = tensor_ops()

    def P(cat, name, body, code, msg, raw=False):
        put("pickle/" + cat, name + ".pt", archive(body if raw else pkl(body)), code, msg)

    # opcodes outside torch's set (pickle protocols 0-5), and bytes no protocol knows
    unknown = {"INT": b"I1\n", "LONG": b"L1L\n", "FLOAT": b"F1.0\n", "STRING": b"S'a'\n",
               "UNICODE": b"Va\n", "PUT": b"N" + b"p0\n", "GET": b"N" + b"g0\n",
               "DUP": b"N2", "POP": b"NN0", "PERSID": b"P0\n", "BINBYTES": b"B\1\0\0\0a",
               "SHORT_BINUNICODE": b"\x8c\x01a", "MEMOIZE": b"N\x94", "FRAME": b"\x95" +
               struct.pack("<Q", 2) + b"N.", "EXT1": b"\x82\x01", "BYTEARRAY8": b"\x96" +
               struct.pack("<Q", 1) + b"a", "NEXT_BUFFER": b"\x97", "byte_ff": b"\xff",
               "byte_00": b"\x00", "byte_d0": b"N\xd0"}
    for name, body in unknown.items():
        at = len(body) - len(body.lstrip(b"N"))  # the bad opcode follows the NONEs
        P("unknown_opcode", name, body, "UnsupportedOpcode",
          r"(?i)0x%02x at offset %d" % (body[at], at + 2))

    # stack underflow
    for name, body in {"tuple2_empty": b"\x86", "reduce_one": b"N" + b"R",
                       "stop_empty": b"", "setitem_one": b"}N" + b"s", "binpersid_empty": b"Q",
                       "append_empty": b"a", "build_one": b"N" + b"b",
                       "tuple3_two": b"NN\x87"}.items():
        P("stack_underflow", name, body, "PickleStructure",
          r"needs \d+ values? on the stack|STOP with 0 values|empty stack|stack is empty")

    # BINGET of a memo index never PUT
    P("dangling_memo", "binget_5", b"h\x05", "PickleStructure", r"(?i)memo.*5")
    P("dangling_memo", "long_binget_65536", b"j" + struct.pack("<I", 65536), "PickleStructure",
      r"(?i)memo.*65536")
    P("dangling_memo", "binget_after_put", b"Nq\x00h\x01", "PickleStructure", r"(?i)memo.*1")

    # containers that hold themselves (valid pickles: Python builds l = [l]); a tree cannot
    P("self_reference", "list_in_itself", b"]q\0h\0a", "PickleStructure", r"list contains itself")
    P("self_reference", "dict_in_itself", b"}q\0K\0h\0s", "PickleStructure",
      r"dict contains itself")
    P("self_reference", "tuple_in_list_in_itself", b"]q\0h\0\x85a", "PickleStructure",
      r"contains itself")

    # unbalanced MARK
    P("unbalanced_mark", "tuple_no_mark", b"NNt", "PickleStructure", r"(?i)mark")
    P("unbalanced_mark", "setitems_no_mark", b"}NNu", "PickleStructure", r"(?i)mark")
    P("unbalanced_mark", "mark_left_open", b"(N", "PickleStructure", r"(?i)mark")
    P("unbalanced_mark", "appends_no_mark", b"]Ne", "PickleStructure", r"(?i)mark")

    # SETITEM on something that is not a dict
    for name, target in {"list": b"]", "tuple": b")", "int": b"K\1", "tensor": T,
                         "string": uni("s")}.items():
        P("setitem_non_dict", name, target + uni("k") + b"N" + b"s", "PickleStructure",
          r"(?i)(SETITEM|dict)")
    # APPEND on something that is not a list
    for name, target in {"dict": b"}", "tuple": b")", "none": b"N", "tensor": T}.items():
        P("append_non_list", name, target + b"N" + b"a", "PickleStructure",
          r"(?i)(APPEND|list)")
    # BUILD on a value torch never BUILDs
    for name, target in {"list": b"]", "int": b"K\1", "dict": b"}", "string": uni("s"),
                         "none": b"N"}.items():
        P("build_disallowed", name, target + b"}" + b"b", "UnsupportedObject",
          r"(?i)BUILD")

    # a length that runs past the end of the pickle
    P("truncated_binunicode", "len100_has5", b"X" + struct.pack("<I", 100) + b"hello", "Truncated",
      r"0x58 needs 100 more bytes, 5 remain", raw=True)
    P("truncated_binunicode", "len_field_cut", b"\x80\x02X\x05\x00", "Truncated",
      r"(?i)(truncat|ends|bytes)", raw=True)
    P("truncated_binunicode", "no_stop", b"\x80\x02" + T, "Truncated",
      r"(?i)(STOP|ends|truncat)", raw=True)
    P("truncated_binunicode", "binint_cut", b"\x80\x02J\x01\x00", "Truncated",
      r"(?i)(truncat|ends|bytes)", raw=True)
    P("truncated_binunicode", "global_no_newline", b"\x80\x02ctorch", "Truncated",
      r"(?i)(GLOBAL|newline|truncat|ends)", raw=True)
    # oversize lengths
    P("oversize_length", "binunicode_4g", b"X\xff\xff\xff\xffabc", "Truncated",
      r"4294967295")
    # valid Python ints that no int64 holds: a file parity cannot represent
    P("oversize_length", "long1_255_bytes", b"\x8a\xff" + b"\x7f" * 255, "Unsupported",
      r"integer of 255 bytes")
    P("oversize_length", "long4", b"\x8b" + struct.pack("<I", 0xFFFFFFF0) + b"\1",
      "UnsupportedOpcode", r"(?i)0x8b")
    P("oversize_length", "binunicode_bad_utf8", b"X\2\0\0\0\xc3\x28", "PickleStructure",
      r"(?i)utf")
    P("oversize_length", "size_long1_2p70", tensor_ops(size=(2**70, 1), stride=(1, 1)),
      "Unsupported", r"integer of 9 bytes")

    # globals outside the compiled-in table
    disallowed = [("os", "system"), ("posix", "system"), ("nt", "system"),
                  ("builtins", "eval"), ("builtins", "exec"), ("builtins", "getattr"),
                  ("builtins", "__import__"), ("builtins", "open"), ("builtins", "compile"),
                  ("subprocess", "Popen"), ("subprocess", "check_output"),
                  ("importlib", "import_module"), ("operator", "attrgetter"),
                  ("operator", "methodcaller"), ("pkgutil", "resolve_name"),
                  ("marshal", "loads"), ("_pickle", "loads"), ("pickle", "loads"),
                  ("torch", "load"), ("torch.serialization", "load"), ("torch.jit", "load"),
                  ("torch", "FooStorage"), ("torch._utils", "_rebuild_tensor_v2x"),
                  ("torch._utils", "_rebuild_device_tensor_from_numpy"),
                  ("collections", "OrderedDict.__init__"), ("torch ", "FloatStorage"),
                  ("shutil", "rmtree"), ("numpy.core.multiarray", "_reconstruct"),
                  ("pip", "main"), ("mailcap", "findmatch")]
    for mod, name in disallowed:
        fname = (mod.strip() + "." + name).replace(".", "_")
        # torch.<anything>Storage is a storage type parity does not know
        code = "BadStorage" if mod == "torch" and name.endswith("Storage") else "DisallowedGlobal"
        P("disallowed_global", fname, glob(mod, name) + b")R", code,
          r"GLOBAL '%s %s' is not allowed" % (mod.replace(".", r"\."), name.replace(".", r"\."))
          if code == "DisallowedGlobal" else r"storage type torch\.%s is not one of" % name)
    # a disallowed global inside an otherwise real tensor pickle (the storage type)
    P("disallowed_global", "storage_type_os_system",
      tensor_ops(storage=tup([uni("storage"), glob("os", "system"), uni("0"), uni("cpu"),
                              integer(6)]) + b"Q"), "DisallowedGlobal", r"os.*system")

    # REDUCE of an allowed global that is not a callable torch's files call
    for name, body in {"storage_class": glob("torch", "FloatStorage") + b")R",
                       "rebuild_3_args": glob("torch._utils", "_rebuild_tensor_v2") +
                       tup([b"N", b"N", b"N"]) + b"R",
                       "ordereddict_list_arg": glob("collections", "OrderedDict") +
                       tup([b"]"]) + b"R",
                       "rebuild_args_not_tuple": glob("torch._utils", "_rebuild_tensor_v2") +
                       b"]R",
                       "reduce_on_string": uni("os.system") + b")R"}.items():
        code = "PickleStructure" if name in ("reduce_on_string", "rebuild_args_not_tuple") \
            else "UnsupportedObject"
        P("reduce_disallowed", name, body, code, r"(?i)(REDUCE|argument|called)")

    # opcodes that look names up or call: rejected before the name is read
    for name, body, op in (("INST_os_system", b"(" + uni("true") + b"ios\nsystem\n", 0x69),
                           ("OBJ", b"(" + glob("os", "system") + uni("true") + b"o", 0x6F),
                           ("STACK_GLOBAL", uni("os") + uni("system") + b"\x93", 0x93),
                           ("NEWOBJ_EX", glob("collections", "OrderedDict") + b")}\x92", 0x92),
                           ("NEWOBJ", glob("torch", "FloatStorage") + b")\x81", 0x81)):
        code = "UnsupportedOpcode" if op != 0x81 else "UnsupportedObject"
        if op == 0x6F:  # the GLOBAL inside is met first
            code = "DisallowedGlobal"
        P("call_opcodes", name, body, code,
          r"(?i)0x%02x" % op if code == "UnsupportedOpcode" else r"(?i)(os.*system|NEWOBJ)")

    sentinel_payloads()


# Python's own unpickler, persistent ids answered with None: how far a payload gets.
PROBE = """import io, pickle, sys
u = pickle.Unpickler(io.BytesIO(sys.stdin.buffer.read()))
u.persistent_load = lambda pid: None
u.load()
"""


def sentinel_payloads():
    """Pickles that, run by Python's pickle, create a file. Each is first run for
    real against a temporary path (so we know it works), then written with the
    corpus's SENTINEL path, which the tests check never appears."""
    def forms(path):
        cmd = "touch " + path
        return {
            "os_system": glob("os", "system") + tup([uni(cmd)]) + b"R",
            "posix_system": glob("posix", "system") + tup([uni(cmd)]) + b"R",
            "subprocess_Popen": glob("subprocess", "Popen") + tup([tup([uni("touch"),
                                                                        uni(path)])]) + b"R",
            "builtins_exec": glob("builtins", "exec") +
            tup([uni("open(%r, 'w').close()" % path)]) + b"R",
            "builtins_eval": glob("builtins", "eval") +
            tup([uni("__import__('os').system(%r)" % cmd)]) + b"R",
            "builtins_open": glob("builtins", "open") + tup([uni(path), uni("w")]) + b"R",
            "INST_os_system": b"(" + uni(cmd) + b"ios\nsystem\n",
            "STACK_GLOBAL_os_system": uni("os") + uni("system") + b"\x93" + tup([uni(cmd)]) +
            b"R",
            "inside_tensor_hooks": tensor_ops(hooks=glob("os", "system") + tup([uni(cmd)]) +
                                              b"R"),
            # runs, then the rest is corrupt (execute-then-corrupt)
            "before_valid_tensor": b"(" + glob("os", "system") + tup([uni(cmd)]) + b"R" +
            tensor_ops() + b"t",
        }
    tmp = tempfile.mkdtemp()
    probe = os.path.join(tmp, "probe")
    for name, body in forms(probe).items():
        proto = b"\x80\x04" if "STACK_GLOBAL" in name else b"\x80\x02"
        code = subprocess.run([sys.executable, "-c",
                               PROBE],
                              input=proto + body + b".", capture_output=True).returncode
        check(os.path.exists(probe), "sentinel payload %s did not run (exit %d)" % (name, code))
        if os.path.exists(probe):
            os.unlink(probe)
    shutil.rmtree(tmp)
    check(len(SENTINEL) == len(SENTINEL.encode()), "sentinel path must be ASCII")
    for name, body in forms(SENTINEL).items():
        if name.startswith("INST") or name.startswith("STACK"):
            code, msg = "UnsupportedOpcode", r"(?i)0x%02x" % (0x69 if name[0] == "I" else 0x93)
        else:
            mod = "os" if "os_system" in name or name in ("inside_tensor_hooks",
                                                           "before_valid_tensor") else \
                name.split("_")[0]
            fn = {"subprocess": "Popen", "builtins": name.split("_")[1]}.get(mod, "system")
            code, msg = "DisallowedGlobal", r"%s.*%s" % (mod, fn)
        put("pickle/sentinel", name + ".pt", archive(pkl(body)), code, msg)


# ---------------------------------------------------------- tensor records
def tensor_categories():
    def P(cat, name, body, code, msg, data=DATA, key="0"):
        put("tensor/" + cat, name + ".pt", archive(pkl(body), data=data, key=key), code, msg)

    # persistent ids that are not ('storage', type, key, location, numel)
    for name, p, code in (
            ("pid_string", uni("storage") + b"Q", "PickleStructure"),
            ("pid_4_tuple", tup([uni("storage"), glob("torch", "FloatStorage"), uni("0"),
                                 uni("cpu")]) + b"Q", "PickleStructure"),
            ("pid_module", tup([uni("module"), glob("torch", "FloatStorage"), uni("0"),
                                uni("cpu"), integer(6)]) + b"Q", "PickleStructure"),
            ("pid_key_int", tup([uni("storage"), glob("torch", "FloatStorage"), integer(0),
                                 uni("cpu"), integer(6)]) + b"Q", "PickleStructure"),
            ("pid_numel_string", tup([uni("storage"), glob("torch", "FloatStorage"), uni("0"),
                                      uni("cpu"), uni("6")]) + b"Q", "PickleStructure"),
            ("pid_6_tuple", tup([uni("storage"), glob("torch", "FloatStorage"), uni("0"),
                                 uni("cpu"), integer(6), b"N"]) + b"Q", "PickleStructure")):
        P("persistent_id", name, tensor_ops(storage=p), code,
          r"(?i)(persistent|storage|location)")
    P("persistent_id", "pid_unknown_key", tensor_ops(storage=pid(key="7")), "MissingRecord",
      r"archive/data/7: no such record \(storage '7' named at offset \d+")
    P("persistent_id", "pid_key_dotdot", tensor_ops(storage=pid(key="../version")),
      "MissingRecord", r"(?i)(key|data/)")

    # storage types that are not storages, or that parity does not read
    for name, stype, code in (("QInt8Storage", "QInt8Storage", "BadStorage"),
                              ("ComplexFloatStorage", "ComplexFloatStorage", "BadStorage"),
                              ("float32_as_storage", "float32", "DisallowedGlobal"),
                              ("Tensor_as_storage", "Tensor", "DisallowedGlobal"),
                              ("UntypedStorage_no_dtype", "UntypedStorage", "BadStorage")):
        P("storage_type", name, tensor_ops(storage=pid(stype=stype)), code,
          r"(?i)(storage|%s)" % stype)
    P("storage_type", "TypedStorage_unknown", tensor_ops(storage=pid(stype="HalfStorageX")),
      "DisallowedGlobal", r"HalfStorageX")

    # negative sizes, strides and offsets
    for name, kw in (("size_m1", dict(size=(-1, 3))), ("stride_m1", dict(stride=(3, -1))),
                     ("offset_m1", dict(offset=-1)), ("size_min_int", dict(size=(-(2**63), 1))),
                     ("numel_m6", dict(storage=pid(numel=-6)))):
        P("negative_size", name, tensor_ops(**kw), "BadView" if "numel" not in name
          else "BadStorage",
          r"negative (size or stride in dim|storage offset)|declares -6 elements")

    # views reaching past their storage (6 elements)
    for name, kw in (("offset_5", dict(offset=5)), ("stride_4", dict(stride=(4, 1))),
                     ("size_3x3", dict(size=(3, 3))), ("offset_6_0d", dict(offset=6, size=(),
                                                                           stride=())),
                     ("stride_huge", dict(size=(2, 1), stride=(2**40, 1))),
                     ("rank_mismatch", dict(size=(2, 3), stride=(1,)))):
        P("out_of_bounds", name, tensor_ops(**kw), "BadView",
          r"view reaches element \d+ of a storage of 6 elements|size has 2 dims, stride has 1|"
          r"offset lies past its storage")
    # the persistent id declares more elements than the record holds
    P("out_of_bounds", "numel_7_record_24", tensor_ops(storage=pid(numel=7)), "BadStorage",
      r"data/0.*(24|28)")

    # shape products and extents that overflow int64
    for name, kw in (("shape_2p62_x_2p62", dict(size=(2**62, 2**62), stride=(1, 1))),
                     ("stride_2p62_x4", dict(size=(5, 1), stride=(2**62, 1))),
                     ("offset_max", dict(offset=2**63 - 1, size=(2,), stride=(1,))),
                     ("numel_2p62_float", dict(storage=pid(numel=2**62), size=(1,),
                                               stride=(1,)))):
        P("shape_overflow", name, tensor_ops(**kw), "Overflow", r"(?i)overflow")


# ------------------------------------------------------------------ bombs
def bomb_categories():
    def B(name, blob, code, msg):
        check(len(blob) <= 4096 or name.startswith(("nest", "rank_1", "memo")),
              name + " is not tiny")
        put("bomb/" + ("nesting" if name.startswith(("nest", "memo")) else "huge_sizes"), name,
            blob, code, msg, bomb=True)

    # TiB tensors declared in a few hundred bytes
    B("numel_2p40.pt", archive(pkl(tensor_ops(storage=pid(numel=2**40), size=(2**20, 2**20),
                                              stride=(2**20, 1)))), "BadStorage",
      r"data/0.*(24|4398046511104)")
    B("numel_2p61_double.pt", archive(pkl(tensor_ops(storage=pid(stype="DoubleStorage",
                                                                 numel=2**61), size=(1,),
                                                     stride=(1,)))), "Overflow",
      r"(?i)overflow")
    B("rank_65.pt", archive(pkl(tensor_ops(size=(1,) * 65, stride=(1,) * 65))), "LimitExceeded",
      r"65")
    B("rank_100000.pt", archive(pkl(tensor_ops(size=(1,) * 100000, stride=(1,) * 100000))),
      "LimitExceeded", r"(?i)(rank|dim|depth|100000)")
    # "billion laughs": 40 tuples, each of two references to the one before, expand to 2^40
    laughs = b"N" + b"".join(b"q" + bytes([i]) + b"h" + bytes([i]) + b"\x86" for i in range(40))
    B("billion_laughs.pt", archive(pkl(laughs)), "LimitExceeded", r"expand to more than")
    # 4 * 10^6 empty lists side by side on the pickle stack (4 MB): no nesting, no memo,
    # yet each is an object; the stack's length needs a cap of its own
    B("nest_flat_stack_4e6.pt", archive(pkl(b"]" * (4 * 10**6))), "LimitExceeded",
      r"more than 100000 values on the pickle stack")
    # one more memo entry than LoadLimits::max_memo allows (5 MB)
    B("memo_entries_1e6p1.pt", archive(pkl(b"N" + b"".join(b"r" + struct.pack("<I", i)
                                                          for i in range(10**6 + 1)))),
      "LimitExceeded", r"(?i)memo")
    # 10^6 MARKs; 10^6 nested lists (built innermost first); 10^6 nested tuples
    B("nest_marks_1e6.pt", archive(pkl(b"(" * 10**6)), "LimitExceeded", r"(?i)(depth|1000)")
    B("nest_lists_1e6.pt", archive(pkl(b"]" * 10**6 + b"a" * (10**6 - 1))), "LimitExceeded",
      r"(?i)(depth|1000)")
    B("nest_tuples_1e6.pt", archive(pkl(b")" + b"\x85" * 10**6)), "LimitExceeded",
      r"(?i)(depth|1000)")
    B("nest_dicts_1e6.pt", archive(pkl(b"}" + b"K\0}" * 10**6 + b"s" * 10**6)),
      "LimitExceeded", r"(?i)(depth|1000)")
    # zip sizes and counts far beyond the file
    raw = archive(pkl(tensor_ops()))
    # the zip64 end record (which miniz's readers, torch's included, believe) declares
    # 2^40 entries, or a 2^62-byte directory
    z64 = raw.rindex(b"PK\x06\x06")
    # (the classic end record saturated, as it is when the zip64 one matters)
    def sat(blob):
        return blob[:-14] + b"\xff" * 12 + blob[-2:]
    B("zip64_entries_2p40.pt", sat(raw[:z64 + 24] + struct.pack("<QQ", 2**40, 2**40) +
                                   raw[z64 + 40:]), "LimitExceeded",
      r"1099511627776 entries, the limit is 100000")
    B("zip64_cd_size_2p62.pt", sat(raw[:z64 + 40] + struct.pack("<Q", 2**62) + raw[z64 + 48:]),
      "ZipStructure", r"central directory .* runs past")

    def huge(es):
        es[0].csize = es[0].usize = 0xFFFFFFFE
    B("pkl_4g_declared.pt", rezip(raw, huge), "Truncated", r"4294967294 bytes .*runs past the end")


# ----------------------------------------------------------- other formats
def format_categories(base):
    class M(torch.nn.Module):
        def forward(self, x):
            return x * 2
    b = io.BytesIO()
    torch.jit.save(torch.jit.script(M()), b)
    put("format/torchscript", "scripted_module.pt", b.getvalue(), "TorchScriptArchive",
        r"(?i)TorchScript")
    b = io.BytesIO()
    torch.jit.save(torch.jit.trace(torch.nn.Linear(2, 2), torch.zeros(1, 2)), b)
    put("format/torchscript", "traced_linear.pt", b.getvalue(), "TorchScriptArchive",
        r"(?i)TorchScript")
    t = saved(base)
    put("format/torchscript", "constants_pkl_added.pt",
        rezip(t, lambda es: es + [Entry("archive/constants.pkl", pkl(b")"))]),
        "TorchScriptArchive", r"(?i)TorchScript")
    put("format/torchscript", "code_dir_added.pt",
        rezip(t, lambda es: es + [Entry("archive/code/__torch__.py", b"x = 1\n")]),
        "TorchScriptArchive", r"(?i)TorchScript")

    put("format/legacy", "legacy_tensor.pt", saved(base, _use_new_zipfile_serialization=False),
        "LegacyFormat", r"(?i)legacy")
    put("format/legacy", "legacy_state_dict.pt",
        saved(torch.nn.Linear(2, 2).state_dict(), _use_new_zipfile_serialization=False),
        "LegacyFormat", r"(?i)legacy")
    put("format/legacy", "pytorch1_preview.pt", b"PYTORCH1" + t, "LegacyFormat",
        r"(?i)(legacy|PYTORCH1)")
    # real torch.save files of dtypes parity does not have
    put("format/unsupported_dtype", "complex64.pt", saved(torch.ones(3, dtype=torch.complex64)),
        "BadStorage", r"ComplexFloatStorage")
    put("format/unsupported_dtype", "complex128.pt",
        saved(torch.ones(2, dtype=torch.complex128)), "BadStorage", r"ComplexDoubleStorage")
    put("format/unsupported_dtype", "qint8.pt",
        saved(torch.quantize_per_tensor(torch.ones(3), 0.5, 0, torch.qint8)),
        "DisallowedGlobal", r"_rebuild_qtensor")
    put("format/not_torch", "text.pt", b"hello, world\n", "NotATorchFile", r"(?i)(zip|torch)")
    put("format/not_torch", "plain_pickle.pt", pickle.dumps({"a": 1}, protocol=2),
        "NotATorchFile", r"(?i)(zip|torch)")
    b = io.BytesIO()
    np.save(b, np.zeros(3))
    put("format/not_torch", "npy_file.pt", b.getvalue(), "NotATorchFile", r"(?i)(zip|torch)")


# -------------------------------------------------------------------- npy
def npy_categories():
    def npy(arr):
        b = io.BytesIO()
        np.save(b, arr)
        return b.getvalue()

    def with_header(text, version=(1, 0), data=b"", pad=True):
        h = text.encode("utf-8")
        size_fmt = "<H" if version[0] == 1 else "<I"
        pre = 6 + 2 + struct.calcsize(size_fmt)
        if pad:
            h = h + b" " * ((-(pre + len(h) + 1)) % 64) + b"\n"
        return b"\x93NUMPY" + bytes(version) + struct.pack(size_fmt, len(h)) + h + data

    good = npy(np.arange(6, dtype="<f4").reshape(2, 3))
    for dt in ("<f4", "<f8", "<i8", "|u1", "|b1", "<f2", ">i4"):
        valid.append(put_valid("npy_" + dt.strip("<|").replace(">", "be") + ".npy",
                               npy(np.arange(6).astype(dt).reshape(2, 3))))
    valid.append(put_valid("npy_fortran.npy",
                           npy(np.asfortranarray(np.arange(6.0).reshape(2, 3)))))
    v2 = with_header("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", (2, 0),
                     b"\0" * 8)
    check(np.load(io.BytesIO(v2)).shape == (2,), "npy v2 writer")
    valid.append(put_valid("npy_v2.npy", v2))
    D = b"\0" * 24
    hdr = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"

    def N(cat, name, blob, code, msg):
        put("npy/" + cat, name + ".npy", blob, code, msg, fmt="npy")

    N("bad_magic", "zip_magic", b"PK\x03\x04" + good[4:], "NpyFormat", r"(?i)magic")
    N("bad_magic", "lower_numpy", b"\x93numpy" + good[6:], "NpyFormat", r"(?i)magic")
    N("bad_magic", "empty", b"", "Truncated", r"has 0 bytes.* 10")
    N("bad_magic", "three_bytes", b"\x93NU", "Truncated", r"has 3 bytes.* 10")
    for v in ((0, 0), (4, 0), (1, 1), (255, 255)):
        N("version", "v%d_%d" % v, with_header(hdr, v, D), "NpyFormat", r"(?i)version")
    N("header_too_long", "v2_header_200000",
      with_header("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" +
                  " " * 200000, (2, 0), D), "LimitExceeded",
      r"header length is \d+ bytes.*10000")
    N("header_too_long", "v3_header_10001",
      with_header(hdr + " " * (10001 - len(hdr) - 1) + "\n", (3, 0), D, pad=False),
      "LimitExceeded", r"header length is 10001 bytes.*10000")
    N("header_too_long", "declared_beyond_file", b"\x93NUMPY\x01\x00\x64\x00{'descr'",
      "Truncated", r"header length is 100 bytes, the file has 8 after the prefix")
    for name, text in (("list", "['<f4', False, (2, 3)]"), ("tuple", "('<f4', False)"),
                       ("int", "12"), ("code", "__import__('os').system('true')"),
                       ("missing_shape", "{'descr': '<f4', 'fortran_order': False, }"),
                       ("extra_key", hdr[:-1] + "'x': 1, }"), ("non_ascii", "{\u0101}"),
                       ("unterminated", "{'descr': '<f4'")):
        N("header_not_dict", name, with_header(text, data=D), "NpyFormat",
          r"(?i)(header|dict|key)")
    for descr in ("<f3", "O", "|O", "<U4", "V8", "[('a', '<f4')]", ">f8x", "<M8[s]", "'",
                  "|f4", "<c8"):
        code = "NpyFormat" if descr[0] in "['|" and descr != "|O" else "Unsupported"
        N("bad_descr", descr.replace("<", "lt").replace(">", "gt").replace("|", "bar")
          .replace("[", "(").replace("]", ")").replace("'", "q").replace(" ", "")
          .replace(",", "_"), with_header(hdr.replace("<f4", descr), data=D), code,
          r"(?i)(descr|expected)")
    for name, shape in (("negative", "(-1, 3)"), ("float", "(2.0, 3)"), ("string", "('2', 3)"),
                        ("not_tuple", "[2, 3]"), ("nested", "((2,), 3)")):
        N("bad_shape", name, with_header(hdr.replace("(2, 3)", shape), data=D), "NpyFormat",
          r"(?i)(shape|expected)")
    for rank, dim in ((65, 1), (100, 1), (65, 0)):
        N("rank_cap", "rank_%d_of_%d" % (rank, dim),
          with_header(hdr.replace("(2, 3)", "(" + ("%d, " % dim) * rank + ")"),
                      data=b"\0" * (4 * dim)), "LimitExceeded", r"%d dims" % rank)
    N("shape_overflow", "2p62_x_2p62", with_header(hdr.replace("(2, 3)", "(%d, %d)" %
                                                               (2**62, 2**62))),
      "Overflow", r"int64")
    N("shape_overflow", "bytes_2p62_f8", with_header(hdr.replace("(2, 3)", "(%d,)" % 2**62)
                                                     .replace("<f4", "<f8")), "Overflow",
      r"more bytes than int64 holds")
    N("shape_overflow", "2p63", with_header(hdr.replace("(2, 3)", "(%d,)" % 2**63)),
      "Overflow", r"int64")
    N("data_too_short", "short_by_1", good[:-1], "Truncated", r"23.*24|24.*23")
    N("data_too_short", "no_data", good[:-24], "Truncated", r"0.*24|24.*0")
    N("data_too_short", "huge_shape_tiny_file",
      with_header(hdr.replace("(2, 3)", "(1000000000, 1000)"), data=D), "Truncated",
      r"4000000000000")
    N("trailing_bytes", "one_more", good + b"\0", "NpyFormat", r"25 bytes.*exactly 24")
    N("trailing_bytes", "second_array", good + good, "NpyFormat", r"\d+ bytes.*exactly 24")
    N("trailing_bytes", "v2_one_more", with_header(hdr, (2, 0), D + b"\0"), "NpyFormat",
      r"25 bytes.*exactly 24")


if __name__ == "__main__":
    main()
