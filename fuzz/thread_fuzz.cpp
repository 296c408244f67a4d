// Property (d): the fast engine's results are bitwise identical whatever
// set_num_threads says (1, 2 or 3): elementwise ops, reductions (full and
// over a dim), scans, matmul, sort and cat, on tensors large enough to be
// split across threads, laid out as views with odd strides; and random
// streams (THREAD-1): samples and the generator's state afterwards.
// Budget and seed as the other fuzzers (ctest runs fewer cases here: each is
// large).
#include <rapidcheck.h>

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "fuzz_params.h"
#include "operand_views.h"

using namespace parity;
using namespace parity::conf;
using parity::fuzz::Layout;

namespace {

const char* const kOps[] = {"add",       "mul_",      "exp",         "sum",        "sum(dim)",
                            "mean(dim)", "amax(dim)", "argmax(dim)", "cumsum",     "matmul",
                            "sort",      "cat",       "where",       "std(dim)",   "randn",
                            "normal_",   "uniform_",  "random_",     "bernoulli_", "randperm"};
constexpr int kOpCount = sizeof(kOps) / sizeof(kOps[0]);

struct Draw {
  Layout a, b;
  int dtype = 0;
  int op = 0;
  int64_t dim = 0;
  uint64_t seed = 0;
};

// Shapes of 20K to 300K elements, so that the OpenMP paths run.
fuzz::Shape drawLargeShape() {
  const int rank = *rc::gen::inRange(1, 4);
  fuzz::Shape s(rank, 1);
  const int64_t target = *rc::gen::inRange<int64_t>(20000, 300000);
  int64_t n = 1;
  for (int d = 0; d < rank; ++d) {
    const int64_t left = (target + n - 1) / n;
    s[d] = d == rank - 1 ? left : *rc::gen::inRange<int64_t>(2, 80);
    n *= s[d];
  }
  return s;
}

using T = parity::fast::Tensor;
using FE = FastEngine;

// A sampling op on a generator seeded with d.seed, in place on a copy of a
// (dense permuted layouts keep their strides); the samples, then the state.
T sample(const Draw& d, const T& a, ScalarType dt) {
  auto g = parity::fast::make_generator(d.seed);
  const ScalarType real = isFloatingType(dt) ? dt : kFloat;
  T r = a.clone();
  switch (d.op) {
    case 14:
      r = parity::fast::randn(a.sizes(), g, parity::dtype(real));
      break;
    case 15:
      r = r.to(real).normal_(0.5, 2, g);
      break;
    case 16:
      r = r.to(real).uniform_(-2, 3, g);
      break;
    case 17:
      r.random_(-5, 1000, g);
      break;
    case 18:
      r.bernoulli_(parity::fast::rand(a.sizes(), g, parity::dtype(kDouble)), g);
      break;
    default:
      r = parity::fast::randperm(a.numel(), g);
  }
  return parity::fast::cat({r.reshape({-1}).to(kDouble), g.get_state().to(kDouble)});
}

T apply(const Draw& d) {
  static const ScalarType kDtypes[] = {kFloat, kDouble, kLong, kInt, kHalf, kBFloat16};
  const ScalarType dt = kDtypes[d.dtype];
  T a = fuzz::materialize<FE>(
      d.a, [](auto s) { return dividends<FE>(s); }, dt);
  T b = fuzz::materialize<FE>(
      d.b, [](auto s) { return divisors<FE>(s); }, dt);
  if (d.op >= 14) return sample(d, a, dt);
  switch (d.op) {
    case 0:
      return a.add(b);
    case 1:
      return a.clone().mul_(b);
    case 2:
      return a.exp();
    case 3:
      return a.sum();
    case 4:
      return a.sum(d.dim);
    case 5:
      return a.to(kDouble).mean(d.dim);
    case 6:
      return a.amax(d.dim);
    case 7:
      return a.argmax(d.dim);
    case 8:
      return a.cumsum(d.dim);
    case 9: {  // [n/k, k] @ [k, 8]: a wide output would cost more than it tests
      const int64_t k = a.size(-1);
      return a.reshape({-1, k}).to(kFloat).matmul(
          b.reshape({-1}).slice(0, 0, k * 8).reshape({k, 8}).to(kFloat));
    }
    case 10:
      return std::get<0>(a.sort(d.dim));
    case 11:
      return parity::fast::cat({a, a}, d.dim);
    case 12:
      return parity::fast::where(a.gt(1), a, b);
    default:
      return a.to(kFloat).std(std::vector<int64_t>{d.dim});
  }
}

// The result's bytes in logical order, with metadata: equal means bitwise equal.
std::string fingerprint(const T& t) {
  const TensorSnap s = FE::snapshot(t);
  std::string f = s.describe();
  f.append(reinterpret_cast<const char*>(s.reals.data()), s.reals.size() * sizeof(double));
  f.append(reinterpret_cast<const char*>(s.ints.data()), s.ints.size() * sizeof(int64_t));
  return f;
}

std::string describe(const Draw& d) {
  return std::string(kOps[d.op]) + " of a" + fuzz::describe(d.a) + " and b" + fuzz::describe(d.b) +
         ", dtype index " + std::to_string(d.dtype) + ", dim " + std::to_string(d.dim) + ", seed " +
         std::to_string(d.seed);
}

}  // namespace

int main() {
  parity::fuzz::configureRapidCheck();
  static int cases = 0, raised = 0;  // a property that only compares errors would prove nothing
  const int initial = parity::fast::get_num_threads();
  const bool ok = rc::check("fast's results do not depend on the thread count", [] {
    Draw d;
    d.a = fuzz::drawLayout(drawLargeShape());
    d.b = fuzz::drawLayout(d.a.shape);
    d.dtype = *rc::gen::inRange(0, 6);
    d.op = *rc::gen::inRange(0, kOpCount);
    const int64_t rank = static_cast<int64_t>(d.a.shape.size());
    d.dim = *rc::gen::inRange<int64_t>(-rank, rank);
    d.seed = *rc::gen::arbitrary<uint64_t>();
    std::string first;
    ++cases;
    for (int threads : {1, 2, 3}) {
      parity::fast::set_num_threads(threads);
      std::string got;
      try {
        got = fingerprint(apply(d));
      } catch (const std::exception& e) {
        got = std::string("error: ") + e.what();
        if (threads == 1) ++raised;
      }
      if (threads == 1)
        first = got;
      else if (got != first)
        RC_FAIL(describe(d) + ": " + std::to_string(threads) + " threads differ from 1 thread");
    }
  });
  parity::fast::set_num_threads(initial);
  std::cout << raised << " of " << cases << " cases raised an error (the same on every count)\n";
  if (cases > 0 && raised * 2 > cases) {
    std::cout << "too many errors: the property compared too few results\n";
    return 1;
  }
  return ok ? 0 : 1;
}
