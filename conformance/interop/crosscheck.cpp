// The engines' half of the numpy / h5py cross-check (npy_h5_oracle.py runs
// it): every .npy and h5py dataset the script wrote is loaded by each
// engine and written back; a fixed list of tensors the engines make
// themselves is written too. The script then checks everything with numpy,
// h5py and torch.
//
//   interop_crosscheck <dir>
//     reads  <dir>/py_npy/*.npy, <dir>/py.h5 (datasets named in py_h5.txt)
//     writes <dir>/<engine>/loaded.txt       name | sizes | strides | dtype, or name | ERROR |
//     message
//            <dir>/<engine>/resaved/<name>   save_npy of each loaded tensor
//            <dir>/<engine>/out.h5           each dataset, plus <name>__tail (dset[-2:])
//                                            and <name>__mid (dset[1:-1])
//            <dir>/<engine>/gen/<name>.npy, gen.h5   the engine's own tensors
#include <parity/fast.h>
#include <parity/ref.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string join(parity::IntArrayRef v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + std::to_string(v[i]);
  return s;
}

// The tensors each engine makes and writes (the script builds the same
// ones with torch): name, then the tensor.
template <class Tensor, class Arange, class Full>
std::vector<std::pair<std::string, Tensor>> ownTensors(Arange arange, Full full) {
  using parity::ScalarType;
  const std::pair<const char*, ScalarType> dtypes[] = {
      {"f2", parity::kHalf}, {"f4", parity::kFloat}, {"f8", parity::kDouble},
      {"i1", parity::kChar}, {"i2", parity::kShort}, {"i4", parity::kInt},
      {"i8", parity::kLong}, {"u1", parity::kByte},  {"b1", parity::kBool}};
  std::vector<std::pair<std::string, Tensor>> out;
  for (auto [code, dt] : dtypes) {
    // Floats: 1.5 i - 6; signed: i - 12; uint8 and bool: i (bool: i != 0).
    Tensor base = arange();  // 0..23 as float64
    if (parity::isFloatingType(dt))
      base = base.mul(1.5).sub(6);
    else if (dt != parity::kByte && dt != parity::kBool)
      base = base.sub(12);
    base = base.to(dt);
    const std::string n = code;
    out.emplace_back(n + "_c", base.reshape({2, 3, 4}));
    out.emplace_back(n + "_t", base.reshape({4, 6}).t());
    out.emplace_back(n + "_v", base.reshape({4, 6}).slice(0, 1).slice(1, 0, 6, 2));
    out.emplace_back(n + "_0d", base.select(0, 5));
    out.emplace_back(n + "_empty", full(dt).slice(0, 0, 0));
  }
  return out;
}

template <class Tensor, class Api>
int run(const fs::path& dir, const std::string& engine, const Api& api) {
  const fs::path out = dir / engine;
  fs::create_directories(out / "resaved");
  fs::create_directories(out / "gen");
  int failures = 0;
  // numpy's files: load, describe, save again.
  std::ofstream loaded(out / "loaded.txt");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir / "py_npy")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    const std::string name = f.filename().string();
    try {
      Tensor t = api.load_npy(f.string());
      loaded << name << " | " << join(t.sizes()) << " | " << join(t.strides()) << " | "
             << parity::pythonName(t.scalar_type()) << "\n";
      api.save_npy(t, (out / "resaved" / name).string());
    } catch (const std::exception& e) {
      std::string msg = e.what();
      std::replace(msg.begin(), msg.end(), '\n', ' ');
      loaded << name << " | ERROR | " << msg << "\n";
    }
  }
  // h5py's datasets: whole, tail and middle, written back.
  const std::string src = (dir / "py.h5").string();
  const std::string dst = (out / "out.h5").string();
  std::ifstream names(dir / "py_h5.txt");
  for (std::string ds; std::getline(names, ds);) {
    try {
      Tensor t = api.h5_read(src, ds);
      api.h5_write(dst, ds, t);
      if (t.dim() > 0) {
        api.h5_write(dst, ds + "__tail", api.h5_read_rows(src, ds, -2, std::nullopt));
        api.h5_write(dst, ds + "__mid", api.h5_read_rows(src, ds, 1, -1));
      }
    } catch (const std::exception& e) {
      std::cerr << engine << ": " << ds << ": " << e.what() << "\n";
      ++failures;
    }
  }
  // The engine's own tensors.
  for (auto& [name, t] : api.own()) {
    try {
      api.save_npy(t, (out / "gen" / (name + ".npy")).string());
      api.h5_write((out / "gen.h5").string(), name, t);
    } catch (const std::exception& e) {
      std::cerr << engine << ": " << name << ": " << e.what() << "\n";
      ++failures;
    }
  }
  return failures;
}

// One engine's entry points, spelled for run().
#define PARITY_CROSSCHECK_API(NS)                                                                  \
  struct {                                                                                         \
    NS::Tensor load_npy(const std::string& p) const { return NS::load_npy(p); }                    \
    void save_npy(const NS::Tensor& t, const std::string& p) const { NS::save_npy(t, p); }         \
    NS::Tensor h5_read(const std::string& p, const std::string& d) const {                         \
      return NS::h5::read(p, d);                                                                   \
    }                                                                                              \
    NS::Tensor h5_read_rows(const std::string& p,                                                  \
                            const std::string& d,                                                  \
                            int64_t a,                                                             \
                            std::optional<int64_t> b) const {                                      \
      return NS::h5::read(p, d, a, b);                                                             \
    }                                                                                              \
    void h5_write(const std::string& p, const std::string& d, const NS::Tensor& t) const {         \
      NS::h5::write(p, d, t);                                                                      \
    }                                                                                              \
    auto own() const {                                                                             \
      return ownTensors<NS::Tensor>([] { return NS::arange(24, parity::dtype(parity::kDouble)); }, \
                                    [](parity::ScalarType dt) {                                    \
                                      return NS::zeros({2, 3}, parity::dtype(dt));                 \
                                    });                                                            \
    }                                                                                              \
  }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: interop_crosscheck <dir>\n";
    return 2;
  }
  const fs::path dir = argv[1];
  PARITY_CROSSCHECK_API(parity::ref) ref;
  PARITY_CROSSCHECK_API(parity::fast) fast;
  int failures = run<parity::ref::Tensor>(dir, "reference", ref);
  failures += run<parity::fast::Tensor>(dir, "fast", fast);
  return failures == 0 ? 0 : 1;
}
