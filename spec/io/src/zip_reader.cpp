// The zip reader. Checks, in order: the end-of-central-directory record (and
// the zip64 one miniz always writes), the entry count against the limit, the
// central directory (stored records only, no encryption, zip64 extra fields),
// every name (one top-level folder taken from the first entry, no "..", no
// duplicates), every local header against its central entry, that every
// record lies inside the file and before the directory without overlapping
// another, and the CRC-32 of every record unless the caller opts out.
#include "parity/io/zip_reader.h"

#include <algorithm>

#include "le.h"
#include "parity/io/crc32.h"

namespace parity::io {
namespace {

using detail::fail;
using detail::hex;
using detail::le16;
using detail::le32;
using detail::le64;
using C = SerializationErrorCode;

constexpr uint32_t kLocalSig = 0x04034b50, kCentralSig = 0x02014b50, kEocdSig = 0x06054b50,
                   kZip64EocdSig = 0x06064b50, kZip64LocatorSig = 0x07064b50;
constexpr uint64_t kLocalSize = 30, kCentralSize = 46, kEocdSize = 22, kZip64EocdSize = 56,
                   kZip64LocatorSize = 20;
constexpr uint64_t k32 = 0xffffffffu;

std::string num(uint64_t v) { return std::to_string(v); }

// Zip64 extended information (header id 1): the 64-bit values of the fields
// whose 32-bit slots hold 0xffffffff, in the order size, compressed size,
// header offset.
void readZip64Extra(const std::byte* extra,
                    uint64_t len,
                    const std::string& where,
                    uint64_t* size,
                    uint64_t* csize,
                    uint64_t* offset) {
  for (uint64_t p = 0; p + 4 <= len;) {
    const uint16_t id = le16(extra + p), n = le16(extra + p + 2);
    if (p + 4 + n > len)
      fail(C::ZipStructure, where + ": extra field 0x" + hex(id, 4).substr(2) + " of " + num(n) +
                                " bytes runs past the extra area of " + num(len));
    if (id == 1) {
      uint64_t q = p + 4;
      for (uint64_t* v : {size, csize, offset}) {
        if (!v || *v != k32) continue;
        if (q + 8 > p + 4 + n)
          fail(C::ZipStructure, where + ": zip64 extra field of " + num(n) +
                                    " bytes lacks a value its header marks as 0xffffffff");
        *v = le64(extra + q);
        q += 8;
      }
    }
    p += 4 + n;
  }
}

void checkName(const std::string& name, const std::string& folder, const std::string& archive) {
  if (name.find('\0') != std::string::npos || name.find('\\') != std::string::npos)
    fail(C::ZipStructure, archive + ": entry name '" + name + "' holds a NUL or a backslash");
  if (name.size() <= folder.size() + 1 || name.compare(0, folder.size() + 1, folder + "/") != 0)
    fail(C::ZipStructure, archive + ": entry '" + name + "' lies outside the archive folder '" +
                              folder + "/' (taken from the first entry)");
  for (size_t b = 0; b <= name.size();) {
    size_t e = name.find('/', b);
    if (e == std::string::npos) e = name.size();
    const std::string part = name.substr(b, e - b);
    if (part.empty() || part == "." || part == "..")
      fail(C::ZipStructure, archive + ": entry name '" + name + "' has an empty, '.' or '..' part");
    b = e + 1;
  }
}

}  // namespace

ZipArchive::ZipArchive(std::span<const std::byte> image,
                       const LoadLimits& limits,
                       std::string name,
                       const std::function<void(const ZipArchive&)>& inspect)
    : image_(image), name_(std::move(name)) {
  const std::byte* f = image.data();
  const uint64_t n = image.size();
  if (n < kEocdSize)
    fail(C::Truncated, name_ + ": file has " + num(n) +
                           " bytes; a zip archive needs at least 22 (its end record)");

  // The end record, found from the back; its comment must end the file.
  uint64_t eocd = n;
  const uint64_t lowest = n - kEocdSize > 0xffff ? n - kEocdSize - 0xffff : 0;
  for (uint64_t p = n - kEocdSize + 1; p-- > lowest;)
    if (le32(f + p) == kEocdSig && p + kEocdSize + le16(f + p + 20) == n) {
      eocd = p;
      break;
    }
  if (eocd == n)
    fail(C::Truncated, name_ + ": no zip end-of-central-directory record in the last " +
                           num(n - lowest) + " bytes (the file is truncated or not a zip)");
  if (le16(f + eocd + 4) != 0 || le16(f + eocd + 6) != 0)
    fail(C::ZipStructure, name_ + ": multi-disk archive (disk " + num(le16(f + eocd + 4)) + ")");
  uint64_t count_disk = le16(f + eocd + 8), count = le16(f + eocd + 10);
  uint64_t cd_size = le32(f + eocd + 12), cd_off = le32(f + eocd + 16);
  uint64_t cd_limit = eocd;  // where the directory must end at the latest

  if (eocd >= kZip64LocatorSize && le32(f + eocd - kZip64LocatorSize) == kZip64LocatorSig) {
    const uint64_t loc = eocd - kZip64LocatorSize;
    const uint64_t z = le64(f + loc + 8);
    if (z > loc || loc - z < kZip64EocdSize)
      fail(C::ZipStructure, name_ + ": zip64 end record offset " + num(z) +
                                " does not leave room for the record before its locator at " +
                                num(loc));
    if (le32(f + z) != kZip64EocdSig)
      fail(C::ZipStructure, name_ + ": zip64 end record at offset " + num(z) + " has signature " +
                                hex(le32(f + z), 8) + ", expected 0x06064b50");
    const uint64_t rec = le64(f + z + 4);
    if (rec < kZip64EocdSize - 12 || rec > loc - z - 12)
      fail(C::ZipStructure, name_ + ": zip64 end record declares " + num(rec) +
                                " bytes; between 44 and " + num(loc - z - 12) + " fit");
    if (le32(f + z + 16) != 0 || le32(f + z + 20) != 0)
      fail(C::ZipStructure, name_ + ": multi-disk zip64 archive");
    const uint64_t z_count_disk = le64(f + z + 24), z_count = le64(f + z + 32),
                   z_cd_size = le64(f + z + 40), z_cd_off = le64(f + z + 48);
    // The 16- and 32-bit fields hold the same value or the saturated one.
    auto agree = [&](uint64_t small, uint64_t big, uint64_t sat, const char* what) {
      if (small != big && small != sat)
        fail(C::ZipStructure, name_ + ": the end record says " + what + " " + num(small) +
                                  ", the zip64 end record says " + num(big));
    };
    agree(count_disk, z_count_disk, 0xffff, "entries on this disk");
    agree(count, z_count, 0xffff, "entries");
    agree(cd_size, z_cd_size, k32, "central directory size");
    agree(cd_off, z_cd_off, k32, "central directory offset");
    count_disk = z_count_disk, count = z_count, cd_size = z_cd_size, cd_off = z_cd_off;
    cd_limit = z;
  }
  if (count_disk != count)
    fail(C::ZipStructure, name_ + ": " + num(count_disk) + " entries on this disk but " +
                              num(count) + " in all (multi-disk archive)");
  if (count > static_cast<uint64_t>(std::max<int64_t>(limits.max_zip_entries, 0)))
    fail(C::LimitExceeded, name_ + ": archive has " + num(count) + " entries, the limit is " +
                               num(static_cast<uint64_t>(limits.max_zip_entries)) +
                               " (LoadLimits::max_zip_entries)");
  if (count == 0) fail(C::ZipStructure, name_ + ": the archive has no entries");
  if (cd_off > cd_limit || cd_size > cd_limit - cd_off)
    fail(C::ZipStructure, name_ + ": central directory at offset " + num(cd_off) + " of " +
                              num(cd_size) + " bytes runs past its end record at " + num(cd_limit));
  if (count > cd_size / kCentralSize)
    fail(C::ZipStructure, name_ + ": a central directory of " + num(cd_size) +
                              " bytes cannot hold " + num(count) + " entries");

  entries_.reserve(count);
  const uint64_t cd_end = cd_off + cd_size;
  uint64_t p = cd_off;
  for (uint64_t i = 0; i < count; ++i) {
    const std::string at = name_ + ": central directory entry " + num(i) + " at offset " + num(p);
    if (cd_end - p < kCentralSize) fail(C::ZipStructure, at + " runs past the directory's end");
    if (le32(f + p) != kCentralSig)
      fail(C::ZipStructure, at + " has signature " + hex(le32(f + p), 8) + ", expected 0x02014b50");
    const uint16_t flags = le16(f + p + 8), method = le16(f + p + 10);
    const uint64_t nlen = le16(f + p + 28), xlen = le16(f + p + 30), clen = le16(f + p + 32);
    if (cd_end - p - kCentralSize < nlen + xlen + clen)
      fail(C::ZipStructure, at + ": its name and extra fields run past the directory's end");
    ZipEntry e;
    e.name.assign(reinterpret_cast<const char*>(f + p + kCentralSize), nlen);
    e.crc = le32(f + p + 16);
    uint64_t csize = le32(f + p + 20);
    e.size = le32(f + p + 24);
    e.header_offset = le32(f + p + 42);
    readZip64Extra(f + p + kCentralSize + nlen, xlen, name_ + ": " + e.name, &e.size, &csize,
                   &e.header_offset);
    if (flags & 1)
      fail(C::ZipStructure, e.name + ": encrypted record (flags " + hex(flags, 4) + ")");
    e.method = method;
    e.compressed_size = csize;
    if (i == 0) {
      const size_t slash = e.name.find('/');
      if (slash == std::string::npos || slash == 0)
        fail(C::ZipStructure,
             name_ + ": first entry '" + e.name + "' is not inside a top-level folder");
      folder_ = e.name.substr(0, slash);
    }
    checkName(e.name, folder_, name_);
    if (!by_name_.emplace(e.name, i).second)
      fail(C::ZipStructure, name_ + ": duplicate entry '" + e.name + "'");
    entries_.push_back(std::move(e));
    p += kCentralSize + nlen + xlen + clen;
  }
  if (p != cd_end)
    fail(C::ZipStructure, name_ + ": central directory entries end at offset " + num(p) +
                              ", the end record says " + num(cd_end));
  if (inspect) inspect(*this);

  for (ZipEntry& e : entries_) {
    if (e.method != 0)
      fail(C::Compressed, e.name + ": compression method " + num(e.method) +
                              (e.method == 8 ? " (deflate)" : "") +
                              "; only stored (0) records are read, as torch.save writes them");
    if (e.compressed_size != e.size)
      fail(C::ZipStructure, e.name + ": stored record with compressed size " +
                                num(e.compressed_size) + " and size " + num(e.size));
    const uint64_t h = e.header_offset;
    if (h > cd_off || cd_off - h < kLocalSize)
      fail(C::ZipStructure, e.name + ": local header offset " + num(h) +
                                " does not lie before the central directory at " + num(cd_off));
    if (le32(f + h) != kLocalSig)
      fail(C::ZipStructure, e.name + ": local header at offset " + num(h) + " has signature " +
                                hex(le32(f + h), 8) + ", expected 0x04034b50");
    const uint16_t flags = le16(f + h + 6), method = le16(f + h + 8);
    const uint64_t nlen = le16(f + h + 26), xlen = le16(f + h + 28);
    if (cd_off - h - kLocalSize < nlen + xlen)
      fail(C::ZipStructure, e.name +
                                ": local header's name and extra fields run into the "
                                "central directory");
    const std::string lname(reinterpret_cast<const char*>(f + h + kLocalSize), nlen);
    if (lname != e.name)
      fail(C::ZipStructure,
           e.name + ": local header names '" + lname + "', the central directory '" + e.name + "'");
    if (method != 0)
      fail(C::Compressed, e.name + ": local header says compression method " + num(method) +
                              "; only stored (0) records are read");
    uint64_t lsize = le32(f + h + 22), lcsize = le32(f + h + 18);
    const uint32_t lcrc = le32(f + h + 14);
    readZip64Extra(f + h + kLocalSize + nlen, xlen, e.name, &lsize, &lcsize, nullptr);
    // With flag bit 3 (miniz's streaming mode) the local sizes and CRC may be
    // zero: a data descriptor after the record holds them.
    const bool deferred = (flags & 8) && lsize == 0 && lcsize == 0 && lcrc == 0;
    if (!deferred && (lsize != e.size || lcsize != e.size))
      fail(C::ZipStructure, e.name + ": local header says " + num(lsize) +
                                " bytes, the central directory says " + num(e.size));
    if (!deferred && lcrc != e.crc)
      fail(C::ZipStructure, e.name + ": local header says CRC-32 " + hex(lcrc, 8) +
                                ", the central directory says " + hex(e.crc, 8));
    e.data_offset = h + kLocalSize + nlen + xlen;
    if (e.size > n - e.data_offset)
      fail(C::Truncated, e.name + ": record of " + num(e.size) + " bytes at offset " +
                             num(e.data_offset) + " runs past the end of the file (" + num(n) +
                             " bytes)");
    if (e.size > cd_off - e.data_offset)
      fail(C::ZipStructure, e.name + ": record of " + num(e.size) + " bytes at offset " +
                                num(e.data_offset) + " runs into the central directory at " +
                                num(cd_off));
  }

  // No two records share bytes (an overlap is how zip bombs multiply data).
  std::vector<const ZipEntry*> order;
  for (const ZipEntry& e : entries_) order.push_back(&e);
  std::sort(order.begin(), order.end(),
            [](auto* a, auto* b) { return a->header_offset < b->header_offset; });
  for (size_t i = 1; i < order.size(); ++i)
    if (order[i - 1]->data_offset + order[i - 1]->size > order[i]->header_offset)
      fail(C::ZipStructure, order[i - 1]->name + ": record overlaps '" + order[i]->name + "'");

  if (limits.verify_crc)
    for (const ZipEntry& e : entries_) {
      const uint32_t c = crc32(f + e.data_offset, e.size);
      if (c != e.crc)
        fail(C::BadCrc, e.name + ": CRC-32 of the record is " + hex(c, 8) +
                            ", the central directory says " + hex(e.crc, 8));
    }
}

const ZipEntry* ZipArchive::find(const std::string& relative) const {
  const auto it = by_name_.find(folder_ + "/" + relative);
  return it == by_name_.end() ? nullptr : &entries_[it->second];
}

}  // namespace parity::io
