// Cases for spec/clauses/serialization.md (SAVE-*): save/load round trips
// through paths and streams on every engine, LibTorch's side being
// torch::pickle_save / torch::pickle_load. The files real PyTorch writes and
// reads are checked by conformance/interop (SAVE-11, SAVE-12).
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "case_util.h"

using namespace parity::conf;

namespace {

// A fresh file name per engine and case, in a folder of this process.
template <class E>
std::string scratch(const std::string& name) {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() /
             ("parity_serialization_" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  // Removed when the binary exits.
  static const struct Cleanup {
    std::filesystem::path d;
    ~Cleanup() {
      std::error_code ignored;
      std::filesystem::remove_all(d, ignored);
    }
  } cleanup{dir};
  return (dir / (std::string(E::name) + "_" + name + ".pt")).string();
}

template <class E>
typename E::Value viaStream(const typename E::Value& v) {
  std::stringstream s;
  E::save(v, s);
  return E::load(s);
}

template <class E>
typename E::Value viaPath(const typename E::Value& v, const std::string& name) {
  const std::string path = scratch<E>(name);
  E::save(v, path);
  return E::load(path);
}

std::string number(double x) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

// One line per value: kinds, and for tensors the dtype, geometry, which
// storage (numbered by first appearance, so sharing shows), its size,
// requires_grad and every value, read by the harness through data_ptr.
template <class E>
class Describer {
 public:
  std::string operator()(const typename E::Value& v) {
    std::ostringstream os;
    put(os, v);
    return os.str();
  }

 private:
  void put(std::ostream& os, const typename E::Value& v) {
    if (v.isNone()) {
      os << "None";
    } else if (v.isBool()) {
      os << (v.toBool() ? "True" : "False");
    } else if (v.isInt()) {
      os << v.toInt();
    } else if (v.isDouble()) {
      os << number(v.toDouble());
    } else if (v.isString()) {
      os << '\'' << v.toStringRef() << '\'';
    } else if (v.isTensor()) {
      tensor(os, v.toTensor());
    } else if (v.isList()) {
      os << '[';
      items(os, v.toList());
      os << ']';
    } else if (v.isTuple()) {
      os << '(';
      items(os, v.toTuple().items);
      os << ')';
    } else {
      os << '{';
      for (const auto& [key, value] : v.toGenericDict().entries) {
        put(os, key);
        os << ": ";
        put(os, value);
        os << ", ";
      }
      os << '}';
    }
  }
  void items(std::ostream& os, const std::vector<typename E::Value>& v) {
    for (const auto& item : v) {
      put(os, item);
      os << ", ";
    }
  }
  void tensor(std::ostream& os, const typename E::Tensor& t) {
    size_t id = 0;
    while (id < seen_.size() && !seen_[id].is_alias_of(t)) ++id;
    if (id == seen_.size()) seen_.push_back(t);
    TensorSnap s = E::snapshot(t);
    os << "tensor(" << toString(s.dtype) << " sizes";
    for (int64_t x : s.sizes) os << ' ' << x;
    os << " strides";
    for (int64_t x : s.strides) os << ' ' << x;
    os << " offset " << s.storage_offset << " storage#" << id << " of " << E::storage_size(t)
       << (s.requires_grad ? " grad" : "") << " =";
    for (double x : s.reals) os << ' ' << number(x);
    for (int64_t x : s.ints) os << ' ' << x;
    os << ')';
  }
  std::vector<typename E::Tensor> seen_;
};

template <class E>
std::string described(const typename E::Value& v) {
  return Describer<E>()(v);
}

// A value after a stream and after a path round trip, described.
template <class E>
void roundTrips(Rec<E>& r, const std::string& name, const typename E::Value& v) {
  r.text(name + " via a stream", [&] { return described<E>(viaStream<E>(v)); });
  r.text(name + " via a path", [&] { return described<E>(viaPath<E>(v, name)); });
}

// Whether `f` raised, and the error's kind: for errors whose words are each
// reader's own (LibTorch's zip reader versus parity_io's).
template <class E, class F>
void raises(Rec<E>& r, const std::string& name, F&& f) {
  std::string kind = "no error";
  try {
    f();
  } catch (...) {
    kind = E::describe_error(std::current_exception()).kind;
  }
  r.text(name + " raises", [&] { return kind; });
}

// Same shape and the same values, bit for bit.
template <class E>
bool same(const typename E::Tensor& a, const typename E::Tensor& b) {
  TensorSnap x = E::snapshot(a), y = E::snapshot(b);
  return x.dtype == y.dtype && x.sizes == y.sizes && x.ints == y.ints &&
         std::memcmp(x.reals.data(), y.reals.data(), x.reals.size() * sizeof(double)) == 0 &&
         x.reals.size() == y.reals.size();
}

template <class E>
typename E::Tensor points() {
  return E::tensor({{4.0, 1.0}, {5.0, 3.0}, {2.0, 1.0}});
}

}  // namespace

PARITY_CASE(save_load_path, "SAVE-1", "S001-37 S001-71 S001-73") {
  auto a = E::tensor({-3.0, 4.0, -2.0});
  const std::string path = scratch<E>("tensor");
  E::save(a, path);
  r.tensor("torch.load('tensor.pt')", E::load_tensor(path));
  const std::string ours = scratch<E>("ourpoints");
  E::save(points<E>(), ours);
  auto back = E::load_tensor(ours);
  r.tensor("points back from a path", back);
  r.value("the round trip equals points", same<E>(back, points<E>()));
}

PARITY_CASE(save_load_open_file, "SAVE-1", "S001-72 S001-73") {
  const std::string path = scratch<E>("ourpoints_fd");
  {
    std::ofstream f(path, std::ios::binary);
    E::save(points<E>(), f);
  }
  std::ifstream f(path, std::ios::binary);
  auto through_file = E::load_tensor(f);
  r.tensor("torch.load(f)", through_file);
  r.tensor("torch.load(path) of the file written through f", E::load_tensor(path));
  r.value("equal to points", same<E>(through_file, points<E>()));
}

PARITY_CASE(every_dtype_round_trips, "SAVE-2", "") {
  for (auto dt : allDtypes<E>()) {
    auto t = counting<E>({2, 3}, dt);
    const std::string name = E::dtype_str(dt);
    r.text(name + " via a stream", [&] { return described<E>(viaStream<E>(t)); });
    r.tensor(name + " via a path", viaPath<E>(t, "dtype_" + name).toTensor());
  }
  // Bits that a conversion would lose: signed zero, infinities, NaN, extremes.
  const double inf = std::numeric_limits<double>::infinity();
  for (auto dt : {E::kFloat16, E::kBFloat16, E::kFloat32, E::kFloat64}) {
    auto t =
        E::tensor({0.0, -0.0, inf, -inf, std::nan(""), 1e-40, 65504.0, -1.5}, E::dtype(E::kFloat64))
            .to(dt);
    r.tensor(E::dtype_str(dt) + " special values", viaStream<E>(t).toTensor());
  }
  auto big = E::tensor(
      {std::numeric_limits<int64_t>::min(), int64_t{-1}, std::numeric_limits<int64_t>::max()});
  r.tensor("int64 extremes", viaStream<E>(big).toTensor());
}

PARITY_CASE(zero_dim_and_empty, "SAVE-3", "") {
  for (auto dt : allDtypes<E>()) {
    auto z = E::tensor(3.0).to(dt);
    r.text(E::dtype_str(dt) + " 0-d", [&] { return described<E>(viaStream<E>(z)); });
  }
  roundTrips(r, "zeros(0)", E::zeros({0}));
  roundTrips(r, "zeros(2, 0, 3)", E::zeros({2, 0, 3}, E::dtype(E::kInt32)));
  roundTrips(r, "empty slice of a 4-element storage", E::arange(4).slice(0, 2, 2));
}

PARITY_CASE(views_keep_geometry, "SAVE-4", "") {
  auto a = counting<E>({4, 6}, E::kFloat32);
  roundTrips(r, "transposed", a.t());
  roundTrips(r, "row slice with an offset", a.slice(0, 1, 3));
  roundTrips(r, "stepped columns", a.slice(1, 1, 6, 2));
  roundTrips(r, "selected row", a.select(0, 2));
  roundTrips(r, "one element of a big storage", a.select(0, 3).select(0, 5));
  roundTrips(r, "expanded", E::tensor({1.0, 2.0}).expand({3, 2}));
  roundTrips(r, "permuted 3-d", counting<E>({2, 3, 4}, E::kInt16).permute({2, 0, 1}));
  roundTrips(r, "unsqueezed slice", a.slice(1, 2, 4).unsqueeze(1));
}

PARITY_CASE(views_stay_sharing, "SAVE-5", "") {
  auto base = counting<E>({3, 4}, E::kFloat64);
  auto other = counting<E>({2}, E::kFloat64);
  typename E::Value::List views{base, base.t(), base.select(0, 1), base.slice(1, 1, 3), other};
  roundTrips(r, "four views of one storage and another tensor", views);
  for (int form = 0; form < 2; ++form) {
    const std::string how = form == 0 ? "stream: " : "path: ";
    auto back = form == 0 ? viaStream<E>(views) : viaPath<E>(views, "sharing");
    const auto& l = back.toList();
    auto t0 = l[0].toTensor(), t1 = l[1].toTensor(), t2 = l[2].toTensor();
    r.value(how + "base.is_alias_of(base.t())", t0.is_alias_of(t1));
    r.value(how + "base.is_alias_of(row 1)", t0.is_alias_of(t2));
    r.value(how + "base.is_alias_of(other)", t0.is_alias_of(l[4].toTensor()));
    t2.fill_(-7.0);
    r.tensor(how + "base after writing row 1 of the loaded copy", t0);
    r.tensor(how + "its transpose", t1);
  }
  // The same tensor twice is one storage in the file.
  auto t = E::ones({2});
  auto twice = viaStream<E>(typename E::Value::Tuple{{t, t}}).toTuple().items;
  r.value("one tensor twice: alias after loading",
          twice[0].toTensor().is_alias_of(twice[1].toTensor()));
  // A storage bigger than 4 MiB (the fast engine copies it in parallel).
  auto large = E::arange(int64_t{1} << 20, E::dtype(E::kFloat64)).reshape({512, 2048});
  typename E::Value::List pair{large.slice(0, 500), large.t()};
  auto lb = viaStream<E>(pair).toList();
  r.value("large: still sharing", lb[0].toTensor().is_alias_of(lb[1].toTensor()));
  r.value("large: storage size", E::storage_size(lb[0].toTensor()));
  r.tensor("large: sum of the slice", lb[0].toTensor().sum());
  r.value("large: values equal", same<E>(lb[1].toTensor(), large.t()));
}

PARITY_CASE(requires_grad_kept, "SAVE-6", "") {
  auto w = E::ones({2, 2});
  w.requires_grad_();
  roundTrips(r, "requires_grad float32", w);
  auto d = E::zeros({3}, E::dtype(E::kFloat64));
  d.requires_grad_();
  r.value("requires_grad of a loaded leaf", viaStream<E>(d).toTensor().requires_grad());
  r.value("plain tensor stays without grad",
          viaStream<E>(E::zeros({3})).toTensor().requires_grad());
}

PARITY_CASE(containers_round_trip, "SAVE-7", "") {
  using V = typename E::Value;
  auto t = counting<E>({2, 2}, E::kFloat32);
  auto i = counting<E>({3}, E::kInt64);
  roundTrips(r, "None", V());
  roundTrips(r, "True", V(true));
  roundTrips(r, "int", V(int64_t{-123456789012}));
  roundTrips(r, "float", V(0.1));
  roundTrips(r, "str", V("tensor ünïcode"));
  roundTrips(r, "list", V(typename V::List{t, i, V(int64_t{3}), V(2.5), V("x"), V(), V(false)}));
  roundTrips(r, "tuple", V(typename V::Tuple{{t, V(int64_t{1})}}));
  roundTrips(r, "empty list", V(typename V::List{}));
  roundTrips(r, "empty tuple", V(typename V::Tuple{}));
  typename V::Dict d;
  d.entries = {{V("weight"), V(t)}, {V("bias"), V(i)}, {V("step"), V(int64_t{7})}};
  roundTrips(r, "dict of str", V(d));
  typename V::Dict ints;
  ints.entries = {{V(int64_t{0}), V(t)}, {V(int64_t{1}), V(t.t())}};
  roundTrips(r, "dict of int", V(ints));
  typename V::Dict nested;
  nested.entries = {{V("layers"), V(typename V::List{V(d), V(typename V::Tuple{{t, i}})})},
                    {V("name"), V("net")}};
  roundTrips(r, "nested", V(nested));
  // LibTorch's IValue has no OrderedDict: Unavailable there.
  typename V::Dict od = d;
  od.ordered = true;
  roundTrips(r, "OrderedDict", V(od));
  r.text("OrderedDict is ordered after loading",
         [&] { return std::string(viaStream<E>(V(od)).toGenericDict().ordered ? "yes" : "no"); });
}

PARITY_CASE(state_dict_round_trip, "SAVE-8", "") {
  auto w = counting<E>({3, 2}, E::kFloat32);
  typename E::StateDict sd{{"layer.weight", w},
                           {"layer.bias", w.select(1, 0)},
                           {"a_last_but_not_least", E::ones({1}, E::dtype(E::kInt64))}};
  std::stringstream s;
  E::save_state_dict(sd, s);
  auto back = E::load_state_dict(s);
  r.value("entries", int64_t(back.size()));
  for (const auto& [name, t] : back) r.tensor("stream: " + name, t);
  r.value("weight and bias share", back[0].second.is_alias_of(back[1].second));
  const std::string path = scratch<E>("state_dict");
  E::save_state_dict(sd, path);
  for (const auto& [name, t] : E::load_state_dict(path)) r.tensor("path: " + name, t);
  // A plain dict of str -> Tensor is a state dict too.
  typename E::Value::Dict plain;
  plain.entries = {{"b", w}, {"a", w.t()}};
  std::stringstream p;
  E::save(typename E::Value(plain), p);
  for (const auto& [name, t] : E::load_state_dict(p)) r.tensor("plain dict: " + name, t);
  std::stringstream empty;
  E::save_state_dict({}, empty);
  r.value("empty state dict", int64_t(E::load_state_dict(empty).size()));
}

PARITY_CASE(load_errors, "SAVE-9 SAVE-10", "") {
  const std::string missing = scratch<E>("does_not_exist");
  std::remove(missing.c_str());
  raises(r, "load of a missing file", [&] { E::load(missing); });
  raises(r, "load_tensor of a missing file", [&] { E::load_tensor(missing); });
  std::stringstream garbage("this is not a zip archive");
  raises(r, "load of a text stream", [&] { E::load(garbage); });
  std::stringstream nothing;
  raises(r, "load of an empty stream", [&] { E::load(nothing); });
  raises(r, "save into a missing folder", [&] { E::save(E::ones({1}), missing + "/sub/x.pt"); });
  // LibTorch's words (IValue::toTensor) where the root is not a tensor.
  typename E::Value::Dict d;
  d.entries = {{"w", E::ones({2})}, {"b", E::ones({2})}};
  std::stringstream dict;
  E::save(typename E::Value(d), dict);
  r.error("load_tensor of a dict", [&] { E::load_tensor(dict); });
  std::stringstream list;
  E::save(typename E::Value(typename E::Value::List{E::ones({1})}), list);
  r.error("load_tensor of a list", [&] { E::load_tensor(list); });
  std::stringstream tensor;
  E::save(E::ones({1}), tensor);
  raises(r, "load_state_dict of a tensor", [&] { E::load_state_dict(tensor); });
  typename E::Value::Dict mixed;
  mixed.entries = {{"w", E::ones({2})}, {"n", int64_t{3}}};
  std::stringstream m;
  E::save(typename E::Value(mixed), m);
  raises(r, "load_state_dict of a dict holding an int", [&] { E::load_state_dict(m); });
  // A failed save leaves the old file whole.
  const std::string keep = scratch<E>("kept");
  E::save(E::ones({3}), keep);
  raises(r, "save of a directory path",
         [&] { E::save(E::ones({1}), std::filesystem::path(keep).parent_path().string()); });
  r.tensor("the earlier file is intact", E::load_tensor(keep));
}

namespace {

// Runs a python3-torch script with `args`; its standard output. Unavailable
// where python3-torch is not installed (exit status 77 from the script).
std::string runPython(const std::string& script, const std::string& args) {
  const char* python = std::getenv("PARITY_PYTHON");
  const std::string path = scratch<RefEngine>("script") + ".py";
  std::ofstream(path) << "import sys\ntry:\n    import torch\nexcept ImportError:\n"
                      << "    sys.exit(77)\n"
                      << script;
  const std::string cmd =
      std::string(python ? python : PARITY_DEFAULT_PYTHON) + " " + path + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) throw Unavailable("cannot run " + cmd);
  std::string out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  const int status = pclose(p);
  if (status != 0) throw Unavailable("python3-torch: " + cmd + " gave " + out);
  return out;
}

// What torch.load(path, weights_only=True) gives for each file named on the
// command line: one line each.
constexpr const char* kDescribeInTorch = R"(
for path in sys.argv[1:]:
    try:
        t = torch.load(path, weights_only=True)
        print(f"{t.dtype} {tuple(t.shape)} {t.stride()} offset {t.storage_offset()} "
              f"storage {t.storage().size()} grad {t.requires_grad} {t.tolist()}")
    except Exception as e:
        print("error", type(e).__name__, str(e)[-200:].replace("\n", " "))
)";

// The files python3-torch wrote for torch_save_files_load, once per process.
const std::vector<std::string>& writtenByTorch() {
  static const std::vector<std::string> files = [] {
    std::vector<std::string> f{scratch<RefEngine>("from_torch_save"),
                               scratch<RefEngine>("from_torch_save_state_dict")};
    runPython(R"(
p = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
torch.save([p, p.t(), p[1:], p[2, 0], torch.arange(6, dtype=torch.int16)[::2],
            torch.ones(2, dtype=torch.bfloat16).requires_grad_()], sys.argv[1])
torch.manual_seed(0)
torch.save(torch.nn.Linear(2, 2).state_dict(), sys.argv[2])
)",
              f[0] + " " + f[1]);
    return f;
  }();
  return files;
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

}  // namespace

PARITY_CASE(torch_save_files_load, "SAVE-11", "") {
  std::vector<std::string> files;
  try {
    files = writtenByTorch();
  } catch (const Unavailable& u) {
    r.text("python3-torch", [&]() -> std::string { throw u; });
    return;
  }
  const auto v = E::load(files[0]);
  for (const auto& item : v.toList()) {
    r.tensor("torch.save tensor", item.toTensor());
    r.value("its storage size", E::storage_size(item.toTensor()));
  }
  // pickle_load cannot read an OrderedDict: Unavailable on LibTorch.
  r.text("nn.Linear(2, 2).state_dict()", [&] {
    std::string names;
    for (const auto& [name, t] : E::load_state_dict(files[1]))
      names += name + " " + described<E>(typename E::Value(t)) + "; ";
    return names;
  });
}

PARITY_CASE(files_load_in_python, "SAVE-12", "") {
  auto p = points<E>();
  auto w = E::ones({2}, E::dtype(E::kFloat64));
  w.requires_grad_();
  const std::vector<std::pair<std::string, typename E::Tensor>> tensors{
      {"points", p},
      {"points.t()", p.t()},
      {"points[1:]", p.slice(0, 1)},
      {"0-d int64", E::tensor(int64_t{-5})},
      {"stepped int8", E::arange(8, E::dtype(E::kInt8)).slice(0, 1, 8, 3)},
      {"requires_grad float64", w}};
  std::string paths;
  for (size_t k = 0; k < tensors.size(); ++k) {
    const std::string path = scratch<E>("for_python_" + std::to_string(k));
    E::save(tensors[k].second, path);
    paths += " " + path;
  }
  std::vector<std::string> seen;
  std::string why;
  try {
    seen = lines(runPython(kDescribeInTorch, paths));
  } catch (const Unavailable& u) {
    why = u.what();
  }
  for (size_t k = 0; k < tensors.size(); ++k)
    r.text("torch.load(weights_only=True) of " + tensors[k].first, [&] {
      if (!why.empty()) throw Unavailable(why);
      return k < seen.size() ? seen[k] : std::string("no line");
    });
}
