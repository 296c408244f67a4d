// Layout facts (checked against python3-torch 1.13's files by hexdump):
// local headers carry version 0, flags 0x0808 (descriptor follows, UTF-8
// names; 0x0800 and no descriptor for an empty record), zero time, CRC and sizes; the data
// descriptor is "PK\7\10", CRC, and 4-byte sizes (8-byte after a zip64 local extra); central
// entries carry version 0, no extra unless zip64; the zip64 end record (version made by 0x031e,
// needed 0x002d) and its locator precede the classic end record, whose fields saturate.
#include "parity/io/zip_writer.h"

#include <algorithm>

#include "le.h"
#include "parity/io/crc32.h"

namespace parity::io {
namespace {

using detail::putLE;
constexpr uint64_t kAlign = 64;
constexpr uint64_t k32 = 0xffffffffu;

// Zip64 extended information with the given values (those that overflow).
std::string zip64Extra(const std::vector<uint64_t>& values) {
  std::string x;
  if (values.empty()) return x;
  putLE(x, 1, 2);
  putLE(x, 8 * values.size(), 2);
  for (uint64_t v : values) putLE(x, v, 8);
  return x;
}

}  // namespace

ZipWriter::ZipWriter(Sink& sink, uint64_t zip64_threshold)
    : sink_(sink), zip64_threshold_(zip64_threshold) {}

void ZipWriter::put(const void* data, size_t n) {
  sink_.write(data, n);
  offset_ += n;
}

void ZipWriter::add(const std::string& name, std::span<const std::byte> data) {
  const uint64_t header = offset_, size = data.size();
  const bool big = size >= zip64_threshold_, far = header >= zip64_threshold_;
  std::vector<uint64_t> z;
  if (big) z = {size, size};
  if (far) z.push_back(header);
  const std::string zip64 = zip64Extra(z);
  // torch's padding: from where the data would start after the header, the
  // name, any zip64 field and the 4 bytes of the 'FB' field's own header.
  const uint64_t start = header + 30 + name.size() + zip64.size() + 4;
  const uint64_t pad = (kAlign - start % kAlign) % kAlign;

  std::string h;
  putLE(h, 0x04034b50, 4);
  putLE(h, 0, 2);  // version needed
  // A data descriptor follows (bit 3) unless the record is empty; UTF-8 name.
  putLE(h, size ? 0x0808 : 0x0800, 2);
  putLE(h, 0, 2);  // stored
  putLE(h, 0, 4);  // time, date
  putLE(h, 0, 4);  // CRC (in the descriptor)
  putLE(h, 0, 4);  // compressed size
  putLE(h, 0, 4);  // size
  putLE(h, name.size(), 2);
  putLE(h, zip64.size() + 4 + pad, 2);
  h += name;
  h += zip64;
  h += "FB";
  putLE(h, pad, 2);
  h.append(pad, 'Z');
  put(h);

  uint32_t crc = 0;
  constexpr size_t kChunk = size_t{1} << 20;  // CRC while the chunk is in cache
  for (size_t i = 0; i < data.size(); i += kChunk) {
    const size_t n = std::min(kChunk, data.size() - i);
    crc = crc32(data.data() + i, n, crc);
    put(data.data() + i, n);
  }

  if (size) {
    std::string d;
    putLE(d, 0x08074b50, 4);
    putLE(d, crc, 4);
    const int w = zip64.empty() ? 4 : 8;
    putLE(d, size, w);
    putLE(d, size, w);
    put(d);
  }
  written_.push_back({name, header, size, crc});
}

void ZipWriter::finish() {
  const uint64_t cd_off = offset_;
  for (const Written& e : written_) {
    std::vector<uint64_t> z;
    const bool big = e.size >= zip64_threshold_, far = e.header_offset >= zip64_threshold_;
    if (big) z = {e.size, e.size};
    if (far) z.push_back(e.header_offset);
    const std::string zip64 = zip64Extra(z);
    std::string c;
    putLE(c, 0x02014b50, 4);
    putLE(c, 0, 2);  // version made by
    putLE(c, 0, 2);  // version needed
    putLE(c, e.size ? 0x0808 : 0x0800, 2);
    putLE(c, 0, 2);
    putLE(c, 0, 4);
    putLE(c, e.crc, 4);
    putLE(c, big ? k32 : e.size, 4);
    putLE(c, big ? k32 : e.size, 4);
    putLE(c, e.name.size(), 2);
    putLE(c, zip64.size(), 2);
    putLE(c, 0, 2);  // comment
    putLE(c, 0, 2);  // disk
    putLE(c, 0, 2);  // internal attributes
    putLE(c, 0, 4);  // external attributes
    putLE(c, far ? k32 : e.header_offset, 4);
    c += e.name;
    c += zip64;
    put(c);
  }
  const uint64_t cd_size = offset_ - cd_off, zip64_eocd = offset_, count = written_.size();
  std::string t;
  putLE(t, 0x06064b50, 4);
  putLE(t, 44, 8);
  putLE(t, 0x031e, 2);
  putLE(t, 0x002d, 2);
  putLE(t, 0, 4);
  putLE(t, 0, 4);
  putLE(t, count, 8);
  putLE(t, count, 8);
  putLE(t, cd_size, 8);
  putLE(t, cd_off, 8);
  putLE(t, 0x07064b50, 4);  // locator
  putLE(t, 0, 4);
  putLE(t, zip64_eocd, 8);
  putLE(t, 1, 4);
  putLE(t, 0x06054b50, 4);  // classic end record, saturated
  putLE(t, 0, 4);
  putLE(t, std::min<uint64_t>(count, 0xffff), 2);
  putLE(t, std::min<uint64_t>(count, 0xffff), 2);
  putLE(t, std::min<uint64_t>(cd_size, k32), 4);
  putLE(t, std::min<uint64_t>(cd_off, k32), 4);
  putLE(t, 0, 2);
  put(t);
}

}  // namespace parity::io
