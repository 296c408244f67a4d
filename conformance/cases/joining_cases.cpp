// Cases for spec/clauses/joining.md (JOIN-*): cat, stack, split, chunk,
// gather, scatter, index_select, masked_select, nonzero, sort, argsort, topk,
// flip, roll, repeat, tril and triu over every dtype and the layouts of
// binary_samples.h (an OpInfo-style table of inputs, not a case per op), with
// LibTorch's errors, plus the seed example S001-33.
#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "binary_samples.h"

using namespace parity::conf;

namespace {

// Inputs of one dtype in the layouts the clauses name.
template <class E, class D>
std::vector<std::pair<std::string, typename E::Tensor>> inputs(D dt) {
  auto a = [&](typename E::Sizes s) { return dividends<E>(s).to(dt); };
  return {
      {"[2,3]", a({2, 3})},
      {"[3,4] transposed", a({3, 4}).t()},
      {"[4,3] offset rows", a({5, 3}).slice(0, 1, 5)},
      {"[2,6] stepped", a({2, 6}).slice(1, 0, 6, 2)},
      {"[3] expanded to [2,3]", a({3}).expand({2, 3})},
      {"[2,3,4] permuted", a({2, 3, 4}).permute({2, 0, 1})},
      {"[0,3] empty", a({0, 3})},
      {"[1,1] size-1", a({1, 1})},
  };
}

// An int64 index tensor from a list.
template <class E>
typename E::Tensor idx(std::initializer_list<int64_t> v) {
  std::vector<double> d(v.begin(), v.end());
  auto t = E::zeros({static_cast<int64_t>(d.size())}, E::dtype(E::kInt64));
  for (size_t i = 0; i < d.size(); ++i) t[static_cast<int64_t>(i)].fill_(d[i]);
  return t;
}

}  // namespace

PARITY_CASE(cat_shape, "JOIN-1", "S001-33") {
  auto t = E::tensor({{1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}});
  auto c = E::cat(std::vector{t, t}, 0);
  r.expect_list("cat([t, t], dim=0).shape", c.sizes(), {4, 3});
  r.tensor("cat([t, t], dim=0)", c);
}

PARITY_CASE(cat_every_dtype_and_layout, "JOIN-1", "") {
  for (auto dt : allDtypes<E>())
    for (auto& [name, t] : inputs<E>(dt)) {
      const std::string n = E::dtype_str(dt) + " " + name;
      for (int64_t dim : {0, 1, -1})
        r.result(n + " cat dim " + std::to_string(dim), [&, &t = t] {
          return E::cat(std::vector{t, t.clone()}, dim);
        });
      r.result(n + " stack dim 0", [&, &t = t] { return E::stack(std::vector{t, t}, 0); });
      r.result(n + " stack dim -1", [&, &t = t] { return E::stack(std::vector{t, t}, -1); });
    }
}

PARITY_CASE(cat_promotes_and_checks, "JOIN-1", "") {
  for (auto da : allDtypes<E>())
    for (auto db : allDtypes<E>())
      r.result("cat " + E::dtype_str(da) + " " + E::dtype_str(db), [&] {
        return E::cat(std::vector{dividends<E>({2, 2}).to(da), divisors<E>({1, 2}).to(db)}, 0);
      });
  auto a = counting<E>({2, 3}, E::kFloat32);
  r.result("legacy empty [0] is skipped", [&] {
    return E::cat(std::vector{a, E::zeros({0}), a}, 1);
  });
  r.result("three operands dim 1", [&] {
    return E::cat(std::vector{a, a.slice(1, 0, 1), a.t().t()}, 1);
  });
  r.error("size mismatch", [&] { E::cat(std::vector{a, counting<E>({3, 3}, E::kFloat32)}, 1); });
  r.error("rank mismatch", [&] { E::cat(std::vector{a, counting<E>({6}, E::kFloat32)}, 0); });
  r.error("empty list", [&] { E::cat(std::vector<typename E::Tensor>{}, 0); });
  r.error("0-d operand", [&] { E::cat(std::vector{E::tensor(1.0), E::tensor(2.0)}, 0); });
  r.error("dim out of range", [&] { E::cat(std::vector{a, a}, 2); });
  r.error("stack unequal shapes", [&] { E::stack(std::vector{a, a.t()}, 0); });
  r.error("stack dim out of range", [&] { E::stack(std::vector{a, a}, 3); });
  r.error("stack empty list", [&] { E::stack(std::vector<typename E::Tensor>{}, 0); });
  r.result("stack of 0-d", [&] { return E::stack(std::vector{E::tensor(1.0), E::tensor(2.0)}); });
}

PARITY_CASE(split_and_chunk_are_views, "JOIN-2", "") {
  for (auto dt : allDtypes<E>())
    for (auto& [name, t] : inputs<E>(dt)) {
      const std::string n = E::dtype_str(dt) + " " + name;
      auto record = [&](const std::string& what, const std::vector<typename E::Tensor>& parts) {
        r.value(n + " " + what + " count", static_cast<int64_t>(parts.size()));
        for (size_t i = 0; i < parts.size(); ++i) {
          r.tensor(n + " " + what + " " + std::to_string(i), parts[i]);
          r.value(n + " " + what + " " + std::to_string(i) + " offset", parts[i].storage_offset());
          r.value(n + " " + what + " " + std::to_string(i) + " shares", parts[i].is_alias_of(t));
        }
      };
      record("split(2)", t.split(2));
      record("split(1, 1)", t.split(1, 1));
      record("chunk(2)", t.chunk(2));
      record("chunk(3, -1)", t.chunk(3, -1));
      if (t.dim() > 0 && t.size(-1) == 3) record("split({1, 2}, -1)", t.split({1, 2}, -1));
      if (t.dim() > 0 && t.size(-1) == 3)
        record("split_with_sizes({2, 1}, -1)", t.split_with_sizes({2, 1}, -1));
    }
  auto a = counting<E>({5, 2}, E::kInt64);
  r.error("split sizes not summing", [&] { a.split({2, 2}, 0); });
  r.error("split size negative", [&] { a.split(-1, 0); });
  r.error("chunk 0", [&] { a.chunk(0); });
  r.error("split of 0-d", [&] { E::tensor(1.0).split(1); });
  r.error("split dim out of range", [&] { a.split(1, 2); });
}

PARITY_CASE(gather_scatter_index_select, "JOIN-3", "") {
  for (auto dt : allDtypes<E>()) {
    const std::string d = E::dtype_str(dt);
    auto src = dividends<E>({3, 4}).to(dt);
    auto srcT = dividends<E>({4, 3}).to(dt).t();
    auto i2 = E::tensor({{0, 2, 1, 0}, {2, 2, 0, 1}});
    auto iCol = E::tensor({{3, 0}, {1, 1}, {0, 2}});
    for (auto& [sn, s] :
         {std::pair{std::string("contiguous"), src}, std::pair{std::string("transposed"), srcT}}) {
      r.result(d + " " + sn + " gather dim 0", [&, &s = s] { return s.gather(0, i2); });
      r.result(d + " " + sn + " gather dim 1", [&, &s = s] { return s.gather(1, iCol); });
      r.result(d + " " + sn + " gather dim -1 transposed index",
               [&, &s = s] { return s.gather(-1, iCol.t().t()); });
      r.result(d + " " + sn + " index_select 0", [&, &s = s] {
        return s.index_select(0, idx<E>({2, 0, 2}));
      });
      r.result(d + " " + sn + " index_select 1", [&, &s = s] {
        return s.index_select(1, idx<E>({3, 1}));
      });
      r.result(d + " " + sn + " index_select empty",
               [&, &s = s] { return s.index_select(1, idx<E>({})); });
      r.result(d + " " + sn + " scatter src dim 0", [&, &s = s] {
        return E::zeros({3, 4}, E::dtype(dt)).scatter(0, E::tensor({{0, 1, 2, 0}}), s);
      });
      r.result(d + " " + sn + " scatter value dim 1", [&, &s = s] {
        return s.scatter(1, E::tensor({{1}, {0}, {3}}), 1);
      });
      r.result(d + " " + sn + " scatter_add dim 0", [&, &s = s] {
        return s.scatter_add(0, E::tensor({{0, 1, 2, 0}, {2, 2, 0, 0}}), s);
      });
    }
    auto dst = dividends<E>({3, 4}).to(dt);
    const int64_t v0 = dst._version();
    r.error(d + " scatter_", [&] { dst.scatter_(1, iCol, src); });
    r.error(d + " scatter_add_", [&] { dst.scatter_add_(0, i2, src); });
    r.tensor(d + " after in-place scatters", dst);
    r.value(d + " in-place version delta", dst._version() - v0);
  }
  auto s = counting<E>({3, 4}, E::kFloat32);
  r.error("gather int32 index", [&] { s.gather(0, E::tensor({{0}}, E::dtype(E::kInt32))); });
  r.error("gather index out of range", [&] { s.gather(0, E::tensor({{5}})); });
  r.error("gather negative index", [&] { s.gather(1, E::tensor({{-1}})); });
  r.error("gather index too large", [&] { s.gather(1, E::zeros({4, 2}, E::dtype(E::kInt64))); });
  r.error("gather rank mismatch", [&] { s.gather(0, idx<E>({0})); });
  r.error("gather dim out of range", [&] { s.gather(2, E::tensor({{0}})); });
  r.error("scatter dtype mismatch", [&] {
    s.scatter(0, E::tensor({{0}}), E::ones({1, 1}, E::dtype(E::kFloat64)));
  });
  r.error("scatter index out of range", [&] { s.scatter(0, E::tensor({{3}}), 1.0); });
  r.error("index_select 2-d index", [&] { s.index_select(0, E::tensor({{0}})); });
  r.error("index_select float index", [&] { s.index_select(0, E::tensor({0.0})); });
  r.error("index_select out of range", [&] { s.index_select(1, idx<E>({4})); });
  r.result("gather of 0-d", [&] { return E::tensor(3.5).gather(0, E::tensor(0)); });
  r.result("index_select of 0-d", [&] { return E::tensor(3.5).index_select(0, idx<E>({0, 0})); });
}

PARITY_CASE(masked_select_and_nonzero, "JOIN-4", "") {
  for (auto dt : allDtypes<E>())
    for (auto& [name, t] : inputs<E>(dt)) {
      const std::string n = E::dtype_str(dt) + " " + name;
      r.result(n + " nonzero", [&, &t = t] { return t.nonzero(); });
      r.result(n + " masked_select(t > 0)", [&, &t = t] { return t.masked_select(t.gt(0)); });
      if (t.dim() == 2 && t.size(1) == 3)
        r.result(n + " masked_select broadcast row mask", [&, &t = t] {
          return t.masked_select(E::tensor({true, false, true}));
        });
    }
  auto t = counting<E>({2, 3}, E::kFloat32);
  r.result("mask broadcasts self", [&] {
    return E::tensor({1.0, 2.0, 3.0}).masked_select(t.gt(2));
  });
  r.error("uint8 mask", [&] { t.masked_select(t.gt(2).to(E::kUInt8)); });
  r.error("float mask", [&] { t.masked_select(t); });
  r.error("mask does not broadcast", [&] { t.masked_select(E::tensor({true, false})); });
  r.result("nonzero of 0-d true", [&] { return E::tensor(2.0).nonzero(); });
  r.result("nonzero of 0-d false", [&] { return E::tensor(0.0).nonzero(); });
  r.result("nonzero with NaN", [&] { return E::tensor({0.0, std::nan(""), -0.0}).nonzero(); });
}

PARITY_CASE(sort_argsort_topk, "JOIN-5", "") {
  for (auto dt : allDtypes<E>())
    for (auto& [name, t] : inputs<E>(dt)) {
      const std::string n = E::dtype_str(dt) + " " + name;
      for (int64_t dim : {0, -1})
        for (bool desc : {false, true}) {
          const std::string k = n + " dim " + std::to_string(dim) + (desc ? " desc" : "");
          r.result(k + " sort values", [&, &t = t] { return std::get<0>(t.sort(dim, desc)); });
          r.result(k + " sort indices", [&, &t = t] { return std::get<1>(t.sort(dim, desc)); });
          r.result(k + " stable sort indices", [&, &t = t] {
            return std::get<1>(t.sort(typename E::template Opt<bool>(true), dim, desc));
          });
          r.result(k + " argsort", [&, &t = t] { return t.argsort(dim, desc); });
        }
      for (bool largest : {true, false}) {
        const std::string k = n + (largest ? " topk largest" : " topk smallest");
        r.result(k + " values", [&, &t = t] { return std::get<0>(t.topk(1, -1, largest)); });
        r.result(k + " indices", [&, &t = t] { return std::get<1>(t.topk(1, -1, largest)); });
        r.result(k + " k=2 dim 0 values",
                 [&, &t = t] { return std::get<0>(t.topk(2, 0, largest)); });
        r.result(k + " k=2 dim 0 indices",
                 [&, &t = t] { return std::get<1>(t.topk(2, 0, largest)); });
      }
    }
  // Ties keep their order; NaN sorts as the largest value.
  auto ties = E::tensor({3.0, 1.0, 3.0, std::nan(""), 1.0, -0.0, 0.0, std::nan("")});
  for (bool desc : {false, true}) {
    const std::string k = desc ? " desc" : "";
    r.result("ties and NaN values" + k, [&] { return std::get<0>(ties.sort(0, desc)); });
    r.result("ties and NaN indices" + k, [&] { return std::get<1>(ties.sort(0, desc)); });
    r.result("ties topk 3 indices" + k, [&] { return std::get<1>(ties.topk(3, 0, !desc)); });
  }
  auto ints = E::tensor({2, 1, 2, 1, 2});
  r.result("int ties argsort", [&] { return ints.argsort(); });
  r.result("int ties argsort desc", [&] { return ints.argsort(0, true); });
  r.result("sort of 0-d", [&] { return std::get<0>(E::tensor(2.0).sort()); });
  r.result("topk of 0-d", [&] { return std::get<1>(E::tensor(2.0).topk(1)); });
  r.error("topk k too large", [&] { ints.topk(6); });
  r.error("topk k negative", [&] { ints.topk(-1); });
  r.error("sort dim out of range", [&] { ints.sort(1); });
  r.result("topk k = 0", [&] { return std::get<0>(ints.topk(0)); });
  r.result("topk k = 5 of 5", [&] { return std::get<0>(ints.topk(5, -1, true, true)); });
}

PARITY_CASE(flip_roll_repeat, "JOIN-6", "") {
  for (auto dt : allDtypes<E>())
    for (auto& [name, t] : inputs<E>(dt)) {
      const std::string n = E::dtype_str(dt) + " " + name;
      r.result(n + " flip 0", [&, &t = t] { return t.flip({0}); });
      r.result(n + " flip 0,-1", [&, &t = t] { return t.flip({0, -1}); });
      r.result(n + " roll 1", [&, &t = t] { return t.roll({1}); });
      r.result(n + " roll -4 dim 1", [&, &t = t] { return t.roll({-4}, {1}); });
      r.result(n + " roll (1, 2) dims (0, 1)", [&, &t = t] { return t.roll({1, 2}, {0, 1}); });
      r.result(n + " repeat 2,1", [&, &t = t] { return t.repeat({2, 1}); });
      r.result(n + " repeat 2,1,3", [&, &t = t] { return t.repeat({2, 1, 3}); });
      r.result(n + " repeat 0,1", [&, &t = t] { return t.repeat({0, 1}); });
    }
  auto a = counting<E>({2, 3}, E::kInt64);
  r.error("flip repeated dim", [&] { a.flip({0, 0}); });
  r.error("flip dim out of range", [&] { a.flip({2}); });
  r.error("roll shifts and dims differ", [&] { a.roll({1, 2}, {0}); });
  r.error("roll dim out of range", [&] { a.roll({1}, {2}); });
  r.error("repeat too few", [&] { a.repeat({2}); });
  r.result("flip 0-d", [&] { return E::tensor(1.5).flip({}); });
  r.result("roll 0-d", [&] { return E::tensor(1.5).roll({3}); });
  r.result("repeat 0-d", [&] { return E::tensor(1.5).repeat({2, 2}); });
  r.result("roll of empty", [&] { return E::zeros({0, 2}).roll({1}); });
}

PARITY_CASE(tril_triu, "JOIN-6", "") {
  for (auto dt : allDtypes<E>())
    for (auto& [name, t] : inputs<E>(dt)) {
      const std::string n = E::dtype_str(dt) + " " + name;
      for (int64_t k : {0, 1, -1, 5, -5}) {
        r.result(n + " tril " + std::to_string(k), [&, &t = t] { return t.tril(k); });
        r.result(n + " triu " + std::to_string(k), [&, &t = t] { return t.triu(k); });
      }
    }
  auto m = dividends<E>({3, 4});
  const int64_t v0 = m._version();
  m.tril_(1);
  r.tensor("tril_(1)", m);
  m.triu_(-1);
  r.tensor("triu_(-1) after", m);
  r.value("two in-place writes", m._version() - v0);
  r.result("batched tril", [&] { return dividends<E>({2, 3, 3}).tril(); });
  r.error("tril of 1-d", [&] { E::tensor({1.0, 2.0}).tril(); });
  r.error("triu of 0-d", [&] { E::tensor(1.0).triu(); });
}
