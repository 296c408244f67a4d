// Cases for spec/clauses/threads.md (THREAD-1): set_num_threads sets what
// get_num_threads returns (S001-38), and a random stream and a large
// reduction come out bit for bit the same on 1 and on 3 threads.
#include "random_util.h"

using namespace parity::conf;

namespace {

// Restores the thread count a case found, whatever the case does.
template <class E>
struct ThreadCount {
  int saved = E::get_num_threads();
  ~ThreadCount() { E::set_num_threads(saved); }
};

}  // namespace

PARITY_CASE(set_num_threads_4, "THREAD-1", "S001-38") {
  ThreadCount<E> keep;
  E::set_num_threads(4);
  r.expect("get_num_threads() after set_num_threads(4)", E::get_num_threads(), 4);
  E::set_num_threads(1);
  r.expect("get_num_threads() after set_num_threads(1)", E::get_num_threads(), 1);
  r.error("set_num_threads(0)", [&] { E::set_num_threads(0); });
  r.error("set_num_threads(-2)", [&] { E::set_num_threads(-2); });
}

PARITY_CASE(results_do_not_depend_on_threads, "THREAD-1 RAND-4 RAND-3", "") {
  ThreadCount<E> keep;
  std::vector<typename E::Tensor> runs[2];
  const int counts[2] = {1, 3};
  for (int k = 0; k < 2; ++k) {
    E::set_num_threads(counts[k]);
    E::manual_seed(3);
    auto big = E::rand({1 << 20});
    runs[k] = {E::randn({5000}),
               E::randn({5000}, E::dtype(E::kFloat64)),
               E::randint(1000, {4096}),
               E::randperm(5000),
               big.sum(),
               big.to(E::kFloat64).sum(),
               big.reshape({1024, 1024}).sum(0),
               E::get_rng_state()};
  }
  const char* names[] = {"randn(5000)",
                         "randn(5000) float64",
                         "randint(1000, 4096)",
                         "randperm(5000)",
                         "sum of rand(2^20)",
                         "float64 sum of rand(2^20)",
                         "column sums of rand(1024, 1024)",
                         "state after"};
  for (size_t i = 0; i < runs[0].size(); ++i) {
    r.expect(std::string(names[i]) + ": same on 1 and 3 threads",
             sameValues<E>(runs[0][i], runs[1][i]), 1);
    // randn(5000) float32 takes the fill path (RAND-4); sums are within tolerance.
    if (i == 1 || i == 2 || i == 3 || i == 7)
      r.exact(names[i], runs[0][i]);
    else
      r.tensor(names[i], runs[0][i]);
  }
}
