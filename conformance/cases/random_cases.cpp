// Cases for spec/clauses/random.md (RAND-1 … RAND-11): the generator, its
// state bytes, every sampling function over every dtype and the sizes of
// drawSizes(), non-contiguous outputs, explicit generators and the errors.
// Streams are compared bit for bit (Rec::exact), except float32 normal_ on
// 16 or more contiguous elements (normalFillPath): within 1 ULP.
#include <algorithm>
#include <limits>
#include <optional>

#include "random_util.h"

using namespace parity::conf;

namespace {

// Records a drawn tensor, bit for bit unless it took the float32 normal fill.
template <class E, class F>
void drawn(Rec<E>& r, const std::string& name, F&& f, bool normal = false) {
  try {
    auto t = f();
    if (normal && normalFillPath<E>(t))
      r.withinUlps(name, t, 1);
    else
      r.exact(name, t);
  } catch (...) {
    r.result(name, [&]() -> typename E::Tensor { throw; });
  }
}

#if PARITY_HAVE_TORCH
// LibTorch's own state bytes, to hand to an engine: seed 99, then randn(3)
// in double, which leaves a cached double normal sample.
std::vector<uint8_t> libtorchStateBytes() {
  at::Generator g = at::detail::createCPUGenerator(99);
  (void)torch::randn({3}, g, torch::kFloat64);
  return tensorBytes<TorchEngine>(g.get_state());
}

// Five double normals and five floats drawn by LibTorch from `bytes`.
std::vector<double> libtorchDrawsFrom(const std::vector<uint8_t>& bytes) {
  at::Generator g = at::detail::createCPUGenerator();
  g.set_state(byteTensor<TorchEngine>(bytes));
  std::vector<double> out = values<TorchEngine>(torch::randn({5}, g, torch::kFloat64));
  for (double x : values<TorchEngine>(torch::rand({5}, g))) out.push_back(x);
  return out;
}
#endif

}  // namespace

PARITY_CASE(generator_seeds, "RAND-1", "") {
  auto fresh = E::make_generator();
  r.expect("make_generator().current_seed()", int64_t(fresh.current_seed()), 67280421310721);
  auto g = E::make_generator(42);
  r.expect("make_generator(42).current_seed()", int64_t(g.current_seed()), 42);
  E::manual_seed(7);
  r.expect("initial_seed after manual_seed(7)", int64_t(E::initial_seed()), 7);
  r.expect("default_generator().current_seed()", int64_t(E::default_generator().current_seed()), 7);
  E::manual_seed(std::numeric_limits<uint64_t>::max());
  r.value("initial_seed after manual_seed(2^64-1) is 2^64-1",
          E::initial_seed() == std::numeric_limits<uint64_t>::max());
  // mt19937 is seeded with the low 32 bits; the generator reports all 64.
  E::manual_seed((uint64_t{1} << 40) + 5);
  auto high = E::randint(0, int64_t{1} << 40, {8});
  r.value("initial_seed 2^40+5", int64_t(E::initial_seed()));
  E::manual_seed(5);
  r.value("seed 2^40+5 draws as seed 5", sameValues<E>(high, E::randint(0, int64_t{1} << 40, {8})));
  r.exact("randint after seed 5", high);
  for (uint64_t s : {uint64_t{0}, uint64_t{1}, uint64_t{42}, uint64_t{4294967295u}}) {
    E::manual_seed(s);
    const std::string n = "seed " + std::to_string(s);
    drawn(r, n + " random_() int64", [&] { return E::empty({6}, E::dtype(E::kInt64)).random_(); });
    drawn(r, n + " random_() int32", [&] { return E::empty({6}, E::dtype(E::kInt32)).random_(); });
  }
  // seed(): a non-deterministic seed, then reported and replayable.
  const uint64_t s = g.seed();
  r.value("g.seed() is g.current_seed()", s == g.current_seed());
  auto a = E::rand({4}, g);
  g.set_current_seed(s);
  r.value("set_current_seed(seed()) replays", sameValues<E>(a, E::rand({4}, g)));
  const uint64_t d = E::seed();
  r.value("seed() is initial_seed()", d == E::initial_seed());
  // set_current_seed drops the cached normal sample.
  g.set_current_seed(3);
  auto first = E::randn({1}, g, E::dtype(E::kFloat64));
  g.set_current_seed(3);
  r.value("reseed forgets the cached normal",
          sameValues<E>(first, E::randn({1}, g, E::dtype(E::kFloat64))));
  r.exact("randn(1) double after seed 3", first);
}

PARITY_CASE(rng_state_bytes, "RAND-2", "") {
  E::manual_seed(123);
  r.exact("state after manual_seed(123)", E::get_rng_state());
  (void)E::rand({3});
  r.exact("state after rand(3)", E::get_rng_state());
  (void)E::randn({3}, E::dtype(E::kFloat64));
  r.exact("state after randn(3) double (cached double normal)", E::get_rng_state());
  (void)E::randn({1});
  r.exact("state after randn(1) float", E::get_rng_state());
  (void)E::randn({17});
  r.exact("state after randn(17) float (fill path)", E::get_rng_state());
  (void)E::rand({1}, E::dtype(E::kFloat64));
  r.exact("state after rand(1) double", E::get_rng_state());
  auto g = E::make_generator(5);
  r.exact("make_generator(5).get_state()", g.get_state());

  // Round trips, the cached normal sample included.
  E::manual_seed(9);
  (void)E::randn({1}, E::dtype(E::kFloat64));
  auto state = E::get_rng_state();
  auto a = E::randn({3}, E::dtype(E::kFloat64));
  auto b = E::rand({3});
  E::set_rng_state(state);
  r.value("set_rng_state replays randn", sameValues<E>(a, E::randn({3}, E::dtype(E::kFloat64))));
  r.value("set_rng_state replays rand", sameValues<E>(b, E::rand({3})));
  r.exact("randn after the round trip", a);
  auto gs = g.get_state();
  auto ga = E::randint(100, {5}, g);
  g.set_state(gs);
  r.value("g.set_state replays", sameValues<E>(ga, E::randint(100, {5}, g)));
  auto c = g.clone();
  r.value("clone draws as the original", sameValues<E>(E::rand({4}, g), E::rand({4}, c)));
  (void)E::rand({1}, c);
  r.value("clone is independent", !sameValues<E>(E::rand({2}, g), E::rand({2}, c)));
  // The legacy 5048-byte form: the first 5048 bytes (no float cache).
  E::manual_seed(11);
  auto full = E::get_rng_state();
  auto x = E::rand({4});
  E::set_rng_state(full.slice(0, 0, 5048).clone());
  r.value("5048-byte state replays", sameValues<E>(x, E::rand({4})));

  r.error("set_rng_state 10 bytes", [&] { E::set_rng_state(E::zeros({10}, E::dtype(E::kUInt8))); });
  r.error("set_rng_state float32 of 5056",
          [&] { E::set_rng_state(E::zeros({5056}, E::dtype(E::kFloat32))); });
  r.error("set_rng_state int64 of 632",
          [&] { E::set_rng_state(E::zeros({632}, E::dtype(E::kInt64))); });
  r.error("g.set_state 0 bytes", [&] { g.set_state(E::zeros({0}, E::dtype(E::kUInt8))); });

#if PARITY_HAVE_TORCH
  // States pass between LibTorch and the engine as bytes, both ways.
  E::set_rng_state(byteTensor<E>(libtorchStateBytes()));
  r.exact("randn(3) double from LibTorch's state", E::randn({3}, E::dtype(E::kFloat64)));
  r.exact("rand(3) from LibTorch's state", E::rand({3}));
  r.exact("LibTorch draws from the engine's state",
          doubleTensor<E>(libtorchDrawsFrom(tensorBytes<E>(E::get_rng_state()))));
#endif
}

PARITY_CASE(rand_uniform_streams, "RAND-3 RAND-11", "S000-07 S001-36") {
  for (auto dt : allDtypes<E>()) {
    for (int64_t n : drawSizes()) {
      E::manual_seed(uint64_t(n) + 1);
      const std::string name = E::dtype_str(dt) + " rand(" + std::to_string(n) + ")";
      drawn(r, name, [&] { return E::rand({n}, E::dtype(dt)); });
      if (n == 17) drawn(r, name + " then", [&] { return E::rand({n}, E::dtype(dt)); });
      if (dt == E::kBool || dt == E::kInt64) continue;
      if (n > 33 && (dt != E::kFloat32 && dt != E::kFloat64)) continue;
      drawn(r, name + " uniform_(-3, 5)",
            [&] { return E::empty({n}, E::dtype(dt)).uniform_(-3, 5); });
    }
  }
  E::manual_seed(0);
  auto m = E::rand({3, 3});  // S000-07
  r.expect_list("rand((3, 3)).shape", m.sizes(), {3, 3});
  r.value("rand((3, 3)) is float32", m.scalar_type() == E::kFloat32);
  const Stats s = stats<E>(E::rand({10000}));
  r.value("rand values in [0, 1)", s.min >= 0 && s.max < 1);
  r.exact("rand((3, 3))", m);
  for (auto dt : floatDtypes<E>()) {
    E::manual_seed(21);
    const std::string d = E::dtype_str(dt);
    drawn(r, d + " uniform_(0, 0)", [&] { return E::empty({5}, E::dtype(dt)).uniform_(0, 0); });
    drawn(r, d + " uniform_(2, 2.5)", [&] { return E::empty({5}, E::dtype(dt)).uniform_(2, 2.5); });
    drawn(r, d + " uniform_(-1e30, 1e30)",
          [&] { return E::empty({5}, E::dtype(dt)).uniform_(-1e30, 1e30); });
    drawn(r, d + " uniform_(5, 3)", [&] { return E::empty({5}, E::dtype(dt)).uniform_(5, 3); });
    drawn(r, d + " uniform_(-60000, 60000)",
          [&] { return E::empty({5}, E::dtype(dt)).uniform_(-60000, 60000); });
    drawn(r, d + " 0-d rand", [&] { return E::rand({}, E::dtype(dt)); });
    drawn(r, d + " rand(2, 0, 3)", [&] { return E::rand({2, 0, 3}, E::dtype(dt)); });
  }
}

PARITY_CASE(normal_streams, "RAND-4", "S000-08 S001-36 S002-04") {
  for (auto dt : allDtypes<E>()) {
    for (int64_t n : drawSizes()) {
      E::manual_seed(uint64_t(n) + 100);
      const std::string name = E::dtype_str(dt) + " randn(" + std::to_string(n) + ")";
      drawn(
          r, name, [&] { return E::randn({n}, E::dtype(dt)); }, true);
      drawn(r, name + " then rand(3)", [&] { return E::rand({3}, E::dtype(E::kFloat64)); });
      if (dt == E::kBool || dt == E::kInt64) continue;
      if (n > 33 && (dt != E::kFloat32 && dt != E::kFloat64)) continue;
      drawn(
          r, name + " normal_(2, 0.5)", [&] { return E::empty({n}, E::dtype(dt)).normal_(2, 0.5); },
          true);
    }
  }
  // The cached second sample of the per-element path: odd counts in a row.
  E::manual_seed(1);
  for (int k = 0; k < 3; ++k)
    drawn(r, "randn(1) double #" + std::to_string(k),
          [&] { return E::randn({1}, E::dtype(E::kFloat64)); });
  drawn(r, "randn(3) float after", [&] { return E::randn({3}); });
  drawn(r, "randn(5) half after", [&] { return E::randn({5}, E::dtype(E::kFloat16)); });
  // normal's four forms.
  E::manual_seed(2);
  drawn(r, "normal(0, 1, (3, 3))", [&] { return E::normal(0, 1, {3, 3}); });  // S001-36
  auto g = E::make_generator(77);
  drawn(r, "normal(-1, 3, (40,), g, double)",
        [&] { return E::normal(-1, 3, {40}, g, E::dtype(E::kFloat64)); });
  drawn(r, "normal(5, 0, (4,))", [&] { return E::normal(5, 0, {4}); });
  auto means = E::arange(6, E::dtype(E::kFloat64)).reshape({2, 3});
  auto stds = E::arange(1, 7, E::dtype(E::kFloat64)).reshape({2, 3}) * 0.5;
  drawn(r, "normal(Tensor mean)", [&] { return E::normal(means); });
  drawn(r, "normal(Tensor mean, 2)", [&] { return E::normal(means, 2.0); });
  drawn(r, "normal(1, Tensor std)", [&] { return E::normal(1.0, stds); });
  drawn(r, "normal(Tensor, Tensor)", [&] { return E::normal(means, stds); });
  drawn(
      r, "normal(float Tensor, float Tensor) 20",
      [&] { return E::normal(E::zeros({20}), E::ones({20})); }, true);
  drawn(r, "normal std -1", [&] { return E::normal(0, -1, {3}); });
  drawn(r, "normal_ std -0.5", [&] { return E::empty({3}).normal_(0, -0.5); });
  drawn(r, "normal(Tensor, negative Tensor std)", [&] { return E::normal(means, -stds); });
  // S000-08, S002-04: shapes and dtype.
  E::manual_seed(4);
  auto a = E::randn({3, 3});
  r.expect_list("randn((3, 3)).shape", a.sizes(), {3, 3});
  auto random = E::randn({2, 3});
  r.expect_list("randn(shape (2, 3)).shape", random.sizes(), {2, 3});
  r.value("randn is float32", random.scalar_type() == E::kFloat32);
  drawn(r, "randn((3, 3))", [&] { return a; });
  const Stats s = stats<E>(E::randn({100000}, E::dtype(E::kFloat64)));
  r.value("randn 1e5: |mean| < 0.02 and |std - 1| < 0.02",
          std::fabs(s.mean) < 0.02 && std::fabs(s.std - 1) < 0.02);
}

PARITY_CASE(randint_random_streams, "RAND-5", "") {
  for (auto dt : allDtypes<E>()) {
    const std::string d = E::dtype_str(dt);
    for (int64_t n : drawSizes()) {
      if (n > 33 && dt != E::kInt64 && dt != E::kFloat32) continue;
      E::manual_seed(uint64_t(n) + 200);
      const std::string name = d + " " + std::to_string(n);
      drawn(r, name + " randint(10)", [&] { return E::randint(10, {n}, E::dtype(dt)); });
      drawn(r, name + " randint(-5, 5)", [&] { return E::randint(-5, 5, {n}, E::dtype(dt)); });
      drawn(r, name + " random_()", [&] { return E::empty({n}, E::dtype(dt)).random_(); });
      drawn(r, name + " random_(7)", [&] { return E::empty({n}, E::dtype(dt)).random_(7); });
      drawn(r, name + " random_(3, 100)",
            [&] { return E::empty({n}, E::dtype(dt)).random_(3, 100); });
    }
    E::manual_seed(300);
    drawn(r, d + " random_(0, 2^40)",
          [&] { return E::empty({9}, E::dtype(dt)).random_(0, int64_t{1} << 40); });
    drawn(r, d + " random_(-2^33, 2^33)", [&] {
      return E::empty({9}, E::dtype(dt)).random_(-(int64_t{1} << 33), int64_t{1} << 33);
    });
    drawn(r, d + " random_(5, 3)", [&] { return E::empty({3}, E::dtype(dt)).random_(5, 3); });
    drawn(r, d + " random_(4, 4)", [&] { return E::empty({3}, E::dtype(dt)).random_(4, 4); });
    drawn(r, d + " random_(0, 300)", [&] { return E::empty({3}, E::dtype(dt)).random_(0, 300); });
    drawn(r, d + " random_(-200, 0)", [&] { return E::empty({3}, E::dtype(dt)).random_(-200, 0); });
    drawn(r, d + " random_(0)", [&] { return E::empty({3}, E::dtype(dt)).random_(0); });
    drawn(r, d + " random_(min int64, None)", [&] {
      return E::empty({6}, E::dtype(dt))
          .random_(std::numeric_limits<int64_t>::min(), typename E::template Opt<int64_t>());
    });
    drawn(r, d + " random_(-3, None)", [&] {
      return E::empty({6}, E::dtype(dt)).random_(-3, typename E::template Opt<int64_t>());
    });
  }
  E::manual_seed(301);
  auto k = E::randint(10, {4, 4});
  r.value("randint default dtype is int64", k.scalar_type() == E::kInt64);
  drawn(r, "randint(0, 2^40) int64", [&] { return E::randint(0, int64_t{1} << 40, {12}); });
  drawn(r, "randint(-2^62, 2^62)",
        [&] { return E::randint(-(int64_t{1} << 62), int64_t{1} << 62, {12}); });
  drawn(r, "randint(5, 5)", [&] { return E::randint(5, 5, {3}); });
  drawn(r, "randint(0) of size 0", [&] { return E::randint(0, {0}); });
  drawn(r, "randint(-1)", [&] { return E::randint(-1, {2}); });
}

PARITY_CASE(randperm_streams, "RAND-6", "") {
  for (int64_t n : drawSizes()) {
    E::manual_seed(uint64_t(n) + 400);
    drawn(r, "randperm(" + std::to_string(n) + ")", [&] { return E::randperm(n); });
  }
  for (auto dt : allDtypes<E>()) {
    E::manual_seed(401);
    const std::string d = E::dtype_str(dt);
    drawn(r, d + " randperm(20)", [&] { return E::randperm(20, E::dtype(dt)); });
    drawn(r, d + " randperm(300)", [&] { return E::randperm(300, E::dtype(dt)); });
    drawn(r, d + " randperm(3000)", [&] { return E::randperm(3000, E::dtype(dt)); });
  }
  drawn(r, "randperm(-1)", [&] { return E::randperm(-1); });
  E::manual_seed(402);
  const auto p = values<E>(E::randperm(1000));
  std::vector<int> seen(1000, 0);
  for (double v : p) seen[size_t(v)]++;
  r.value("randperm(1000) is a permutation",
          std::all_of(seen.begin(), seen.end(), [](int c) { return c == 1; }));
}

PARITY_CASE(bernoulli_streams, "RAND-7", "") {
  for (auto dt : allDtypes<E>()) {
    const std::string d = E::dtype_str(dt);
    for (int64_t n : {int64_t{0}, int64_t{1}, int64_t{17}, int64_t{1000}}) {
      E::manual_seed(uint64_t(n) + 500);
      const std::string name = d + " " + std::to_string(n);
      drawn(r, name + " bernoulli_(0.3)",
            [&] { return E::empty({n}, E::dtype(dt)).bernoulli_(0.3); });
      drawn(r, name + " bernoulli_()", [&] { return E::empty({n}, E::dtype(dt)).bernoulli_(); });
    }
    E::manual_seed(501);
    drawn(r, d + " bernoulli_(0)", [&] { return E::ones({5}, E::dtype(dt)).bernoulli_(0.0); });
    drawn(r, d + " bernoulli_(1)", [&] { return E::zeros({5}, E::dtype(dt)).bernoulli_(1.0); });
    drawn(r, d + " bernoulli_(1.5)", [&] { return E::zeros({5}, E::dtype(dt)).bernoulli_(1.5); });
    drawn(r, d + " bernoulli_(-0.1)", [&] { return E::zeros({5}, E::dtype(dt)).bernoulli_(-0.1); });
    drawn(r, d + " t.bernoulli(0.5)", [&] { return E::zeros({6}, E::dtype(dt)).bernoulli(0.5); });
  }
  // p as a tensor: its own precision decides the draw (double: 53 bits).
  for (auto pdt : floatDtypes<E>()) {
    E::manual_seed(502);
    const std::string d = "p " + E::dtype_str(pdt);
    auto p = (E::arange(40, E::dtype(E::kFloat64)) / 39).to(pdt);
    drawn(r, d + " bernoulli(p)", [&] { return E::bernoulli(p); });
    drawn(r, d + " p.bernoulli()", [&] { return p.bernoulli(); });
    drawn(r, d + " float32 bernoulli_(p)",
          [&] { return E::empty({40}, E::dtype(E::kFloat32)).bernoulli_(p); });
    drawn(r, d + " int64 bernoulli_(p)",
          [&] { return E::empty({40}, E::dtype(E::kInt64)).bernoulli_(p); });
  }
  E::manual_seed(503);
  auto prow = E::tensor({0.1, 0.5, 0.9});
  drawn(r, "bernoulli_(p broadcast over rows)", [&] { return E::empty({4, 3}).bernoulli_(prow); });
  drawn(r, "bernoulli(p > 1)", [&] { return E::bernoulli(E::tensor({0.5, 1.5})); });
  drawn(r, "bernoulli(p < 0)", [&] { return E::bernoulli(E::tensor({-0.5, 0.5})); });
  drawn(r, "bernoulli(int64 p)", [&] { return E::bernoulli(E::tensor({0, 1})); });
  drawn(r, "bernoulli_(p not broadcastable)", [&] {
    return E::empty({4, 3}).bernoulli_(E::rand({2}));
  });
}

PARITY_CASE(exponential_streams, "RAND-8", "") {
  for (auto dt : allDtypes<E>()) {
    const std::string d = E::dtype_str(dt);
    for (int64_t n : {int64_t{0}, int64_t{1}, int64_t{16}, int64_t{17}, int64_t{1000}}) {
      E::manual_seed(uint64_t(n) + 600);
      drawn(r, d + " " + std::to_string(n) + " exponential_()",
            [&] { return E::empty({n}, E::dtype(dt)).exponential_(); });
    }
    E::manual_seed(601);
    drawn(r, d + " exponential_(0.25)",
          [&] { return E::empty({9}, E::dtype(dt)).exponential_(0.25); });
    drawn(r, d + " exponential_(0)", [&] { return E::empty({3}, E::dtype(dt)).exponential_(0); });
    drawn(r, d + " exponential_(-1)", [&] { return E::empty({3}, E::dtype(dt)).exponential_(-1); });
  }
  E::manual_seed(602);
  const Stats s = stats<E>(E::empty({100000}, E::dtype(E::kFloat64)).exponential_(2));
  r.value("exponential_(2): mean within 2% of 0.5", std::fabs(s.mean - 0.5) < 0.01);
  r.value("exponential_(2): all >= 0", s.min >= 0);
}

PARITY_CASE(like_forms, "RAND-9", "S002-06 S002-07") {
  auto current_tensor = E::tensor({{1, 2}, {3, 4}});
  E::manual_seed(700);
  drawn(r, "randn_like(int64 tensor)", [&] { return E::randn_like(current_tensor); });
  auto f = E::randn_like(current_tensor, E::dtype(E::kFloat32));  // S002-06
  r.expect_list("randn_like(current_tensor, dtype=float).shape", f.sizes(), {2, 2});
  r.value("randn_like(…, dtype=float) is float32", f.scalar_type() == E::kFloat32);
  r.exact("randn_like(current_tensor, dtype=float)", f);
  auto same_tensor_rand_num = E::randint_like(current_tensor, 10);  // S002-07
  r.expect_list("randint_like(current_tensor, high=10).shape", same_tensor_rand_num.sizes(),
                {2, 2});
  r.value("randint_like is int64", same_tensor_rand_num.scalar_type() == E::kInt64);
  const Stats s = stats<E>(same_tensor_rand_num);
  r.value("randint_like values in [0, 10)", s.min >= 0 && s.max < 10);
  r.exact("randint_like(current_tensor, high=10)", same_tensor_rand_num);
  for (auto dt : allDtypes<E>()) {
    const std::string d = E::dtype_str(dt);
    auto src = E::zeros({3, 5}, E::dtype(dt));
    E::manual_seed(701);
    drawn(r, d + " rand_like", [&] { return E::rand_like(src); });
    drawn(
        r, d + " randn_like", [&] { return E::randn_like(src); }, true);
    drawn(r, d + " randint_like(7)", [&] { return E::randint_like(src, 7); });
    drawn(r, d + " randint_like(-4, 4)", [&] { return E::randint_like(src, -4, 4); });
    drawn(r, d + " rand_like(…, float64)",
          [&] { return E::rand_like(src, E::dtype(E::kFloat64)); });
    drawn(r, d + " randint_like(…, 3, float32)",
          [&] { return E::randint_like(src, 3, E::dtype(E::kFloat32)); });
  }
  // The layout of the source is kept (preserve_format), so the draw order
  // follows its memory order.
  auto tsrc = E::zeros({5, 4}).t();
  E::manual_seed(702);
  drawn(r, "rand_like(transposed)", [&] { return E::rand_like(tsrc); });
  drawn(
      r, "randn_like(transposed 4x5)", [&] { return E::randn_like(tsrc); }, true);
  drawn(r, "randint_like(sliced)",
        [&] { return E::randint_like(E::zeros({10}).slice(0, 0, 10, 2), 9); });
  drawn(r, "rand_like(expanded)", [&] { return E::rand_like(E::zeros({3}).expand({2, 3})); });
}

PARITY_CASE(explicit_generators, "RAND-10 RAND-1", "") {
  // The same seed gives the same stream on a Generator and on the default one.
  auto g = E::make_generator(42);
  E::manual_seed(42);
  r.value("rand on g equals rand after manual_seed", sameValues<E>(E::rand({6}, g), E::rand({6})));
  // Draws on g leave the default generator's stream alone.
  E::manual_seed(1);
  auto plain = E::rand({8});
  E::manual_seed(1);
  auto h = E::make_generator(1);
  auto head = E::rand({3});
  (void)E::randn({20}, h);
  (void)E::randint(5, {7}, h);
  auto tail = E::rand({5});
  r.value("default stream unaffected by g",
          sameValues<E>(plain, E::cat(std::vector<typename E::Tensor>{head, tail})));
  // Every sampling function with a generator.
  auto k = E::make_generator(2024);
  drawn(r, "rand(g)", [&] { return E::rand({5}, k); });
  drawn(r, "rand(g, float64)", [&] { return E::rand({5}, k, E::dtype(E::kFloat64)); });
  drawn(r, "randn(g)", [&] { return E::randn({5}, k); });
  drawn(
      r, "randn(g) 32", [&] { return E::randn({32}, k); }, true);
  drawn(r, "randn(g, float64)", [&] { return E::randn({5}, k, E::dtype(E::kFloat64)); });
  drawn(r, "randint(9, g)", [&] { return E::randint(9, {5}, k); });
  drawn(r, "randint(-9, 9, g, int16)",
        [&] { return E::randint(-9, 9, {5}, k, E::dtype(E::kInt16)); });
  drawn(r, "normal(1, 2, g)", [&] { return E::normal(1, 2, {5}, k); });
  drawn(r, "randperm(10, g)", [&] { return E::randperm(10, k); });
  drawn(r, "randperm(10, g, int32)", [&] { return E::randperm(10, k, E::dtype(E::kInt32)); });
  auto p = E::full({6}, 0.5);
  drawn(r, "bernoulli(p, g)", [&] { return E::bernoulli(p, k); });
  drawn(r, "bernoulli(t, 0.2, g)", [&] { return E::bernoulli(p, 0.2, k); });
  drawn(r, "uniform_(-1, 1, g)", [&] { return E::empty({5}).uniform_(-1, 1, k); });
  drawn(r, "normal_(0, 3, g)",
        [&] { return E::empty({5}, E::dtype(E::kFloat64)).normal_(0, 3, k); });
  drawn(r, "random_(g)", [&] { return E::empty({5}, E::dtype(E::kInt64)).random_(k); });
  drawn(r, "random_(50, g)", [&] { return E::empty({5}, E::dtype(E::kInt64)).random_(50, k); });
  drawn(r, "random_(-50, 50, g)",
        [&] { return E::empty({5}, E::dtype(E::kInt64)).random_(-50, 50, k); });
  drawn(r, "exponential_(3, g)", [&] { return E::empty({5}).exponential_(3, k); });
  drawn(r, "bernoulli_(0.7, g)", [&] { return E::empty({5}).bernoulli_(0.7, k); });
  drawn(r, "bernoulli_(p, g)", [&] { return E::empty({6}).bernoulli_(p, k); });
  drawn(r, "t.bernoulli(g)", [&] { return p.bernoulli(k); });
  r.exact("g state after all", k.get_state());
  r.expect("g current_seed", int64_t(k.current_seed()), 2024);
}

PARITY_CASE(draw_order_and_errors, "RAND-11", "") {
  // Non-contiguous outputs: one draw per element in memory order.
  auto drawsInto = [&](const std::string& name, auto view, bool normal = false) {
    E::manual_seed(800);
    drawn(r, name + " uniform_", [&] { return view().uniform_(); });
    drawn(
        r, name + " normal_", [&] { return view().normal_(); }, normal);
    drawn(r, name + " random_(10)", [&] { return view().random_(10); });
    drawn(r, name + " bernoulli_(0.5)", [&] { return view().bernoulli_(0.5); });
    drawn(r, name + " exponential_()", [&] { return view().exponential_(); });
  };
  drawsInto("transposed 4x6", [] { return E::empty({4, 6}).t(); });
  drawsInto("transposed 4x6 float64", [] { return E::empty({4, 6}, E::dtype(E::kFloat64)).t(); });
  drawsInto("permuted 3x4x5 (2, 0, 1)", [] { return E::empty({3, 4, 5}).permute({2, 0, 1}); });
  drawsInto("permuted 3x4x5 (1, 2, 0)", [] { return E::empty({3, 4, 5}).permute({1, 2, 0}); });
  drawsInto("step-2 slice of 40", [] { return E::empty({40}).slice(0, 0, 40, 2); });
  drawsInto("column of 6x5", [] { return E::empty({6, 5}).select(1, 2); });
  drawsInto(
      "rows 1..5 of 6x5 (contiguous, offset)",
      [] {
        return E::empty({6, 5}).slice(0, 1, 5);
      },
      true);
  drawsInto("5x1x4 transposed (size-1 dim)", [] { return E::empty({4, 1, 5}).permute({2, 1, 0}); });
  drawsInto("0-d", [] { return E::empty({}); });
  // The base sees the draws where the view put them.
  E::manual_seed(801);
  auto base = E::zeros({4, 6});
  base.t().uniform_();
  r.exact("base after t().uniform_()", base);
  // Overlapping outputs are refused.
  auto one = E::zeros({1});
  r.error("expanded uniform_", [&] { one.expand({5}).uniform_(); });
  r.error("expanded normal_", [&] { one.expand({5}).normal_(); });
  r.error("expanded random_", [&] { one.expand({5}).random_(); });
  r.error("expanded bernoulli_", [&] { one.expand({5}).bernoulli_(0.5); });
  r.error("expanded exponential_", [&] { one.expand({5}).exponential_(); });
  // Dtypes without a kernel.
  for (auto dt : {E::kBool, E::kUInt8, E::kInt8, E::kInt16, E::kInt32, E::kInt64}) {
    const std::string d = E::dtype_str(dt);
    r.error(d + " uniform_", [&] { E::zeros({3}, E::dtype(dt)).uniform_(); });
    r.error(d + " normal_", [&] { E::zeros({3}, E::dtype(dt)).normal_(); });
    r.error(d + " randn", [&] { E::randn({3}, E::dtype(dt)); });
    r.error(d + " rand", [&] { E::rand({3}, E::dtype(dt)); });
    r.error(d + " exponential_", [&] { E::zeros({3}, E::dtype(dt)).exponential_(); });
  }
  r.error("rand negative size", [&] { E::rand({-1}); });
  r.error("randn negative size", [&] { E::randn({2, -3}); });
  r.error("randint negative size", [&] { E::randint(3, {-2}); });
}
