// print(t.storage()) as torch 1.13's TypedStorage.__str__: one element per
// line, each " " + str(element), then a footer naming dtype, device, size.
#include <sstream>

#include "parity/ref/print.h"
#include "print_format.h"

namespace parity::ref {

std::string repr(const Storage& s) {
  std::ostringstream os;
  os << " ";  // data_str = ' ' + '\n '.join(...): a lone space when empty
  for (int64_t i = 0; i < s.size(); ++i) os << (i ? "\n " : "") << py_str(s.get(i));
  os << "\n[torch.storage.TypedStorage(dtype=" << pythonName(s.dtype()) << ", device=cpu) of size "
     << s.size() << "]";
  return os.str();
}

std::ostream& operator<<(std::ostream& os, const Storage& s) { return os << repr(s); }

}  // namespace parity::ref
