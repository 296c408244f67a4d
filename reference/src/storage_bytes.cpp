// StorageBytes: a buffer's own bytes or caller memory lent by from_blob.
#include "parity/ref/storage.h"

namespace parity::ref {

void StorageBytes::swap(StorageBytes& o) noexcept {
  std::swap(owned_, o.owned_);
  std::swap(external_, o.external_);
  std::swap(external_size_, o.external_size_);
  std::swap(deleter_, o.deleter_);
  std::swap(is_external_, o.is_external_);
}

StorageBytes::~StorageBytes() {
  if (is_external_ && deleter_) deleter_(external_);
}

void StorageBytes::resize(size_t n) {
  if (is_external_) {
    if (n == external_size_) return;
    throw Error("Trying to resize storage that is not resizable");
  }
  owned_.resize(n);
}

}  // namespace parity::ref
