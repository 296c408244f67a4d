// RAND-7, RAND-11: bernoulli_ with a scalar p (a double uniform < p) or a
// tensor p (a double uniform for double p, else a 24-bit float uniform;
// each p is checked as its element is reached, so a bad p stops the draw
// midway, as in torch), and the out-of-place forms.
#include <sstream>

#include "core/dispatch.h"
#include "parity/fast/functions.h"
#include "parity/fast/random.h"
#include "random/sample_common.h"
#include "random/uniform_real.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

// ALL_TYPES_AND2(Bool, BFloat16): float16 outputs are refused.
void check_self(const char* name, ScalarType dt) {
  if (dt == kHalf) random::not_implemented(name, dt);
}

// Branch-free: the comparisons are coin flips a predictor cannot learn.
template <class T>
T from_bool(bool b) {
  if constexpr (core::is_float_v<T> && !core::is_reduced_float_v<T>) {
    return static_cast<T>(static_cast<int>(b));
  } else {
    return core::convert<T>(b);
  }
}

}  // namespace

Tensor& Tensor::bernoulli_(double p, std::optional<Generator> generator) {
  if (!(0 <= p && p <= 1)) {
    std::ostringstream os;
    os << "bernoulli_ expects p to be in [0, 1], but got p=" << p;
    throw Error(os.str());
  }
  random::check_output(*this);
  const ScalarType dt = dtype();
  check_self("bernoulli_scalar_cpu_", dt);
  detail::bump_version(*this);
  auto& g = random::resolve(generator);
  std::lock_guard<std::mutex> lock(g.mutex);
  core::dispatch_dtype(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    random::fill_ordered<T>(*this, [&](T* out, int64_t n) {
      random::generate<uint64_t>(g, out, n, [p](uint64_t w) {
        return from_bool<T>(random::UniformReal<double>::unit(w) < p);
      });
    });
  });
  return *this;
}

Tensor& Tensor::bernoulli_(const Tensor& p, std::optional<Generator> generator) {
  random::check_output(*this);
  const ScalarType dt = dtype();
  check_self("bernoulli_tensor_cpu_self_", dt);
  auto& g = random::resolve(generator);
  std::lock_guard<std::mutex> lock(g.mutex);
  const Tensor pe = p.expand(sizes());
  const ScalarType pt = pe.dtype();
  if (pt != kDouble && pt != kFloat && pt != kBFloat16)
    random::not_implemented("bernoulli_tensor_cpu_p_", pt);
  detail::bump_version(*this);
  if (numel() == 0) return *this;
  std::vector<int64_t> p_offs;
  const std::vector<int64_t> offs =
      random::visit_offsets(*unsafeGetTensorImpl(), pe.strides(), &p_offs);
  core::dispatch_dtype(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* out = data_ptr<T>();
    core::dispatch_dtype(pt, [&](auto ptag) {
      using P = typename decltype(ptag)::type;
      if constexpr (std::is_same_v<P, double> || std::is_same_v<P, float> ||
                    std::is_same_v<P, BFloat16>) {
        const P* pp = pe.data_ptr<P>();
        for (size_t k = 0; k < offs.size(); ++k) {
          if constexpr (std::is_same_v<P, double>) {
            const double pv = pp[p_offs[k]];
            if (!(pv >= 0 && pv <= 1))
              throw Error(
                  "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error "
                  "message be improved?  If so, please report an enhancement request to "
                  "PyTorch.)");
            out[offs[k]] = from_bool<T>(random::UniformReal<double>::unit(g.random64()) < pv);
          } else {
            const float pv = core::convert<float>(pp[p_offs[k]]);
            if (!(pv >= 0 && pv <= 1))
              throw Error(
                  "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error "
                  "message be improved?  If so, please report an enhancement request to "
                  "PyTorch.)");
            out[offs[k]] = from_bool<T>(random::UniformReal<float>::unit(g.random()) < pv);
          }
        }
      }
    });
  });
  return *this;
}

Tensor Tensor::bernoulli(std::optional<Generator> generator) const {
  return parity::fast::bernoulli(*this, std::move(generator));
}

Tensor Tensor::bernoulli(double p, std::optional<Generator> generator) const {
  return parity::fast::bernoulli(*this, p, std::move(generator));
}

Tensor bernoulli(const Tensor& p, std::optional<Generator> generator) {
  Tensor out = empty(p.sizes(), p.dtype());
  out.bernoulli_(p, std::move(generator));
  return out;
}

Tensor bernoulli(const Tensor& self, double p, std::optional<Generator> generator) {
  Tensor out = empty(self.sizes(), self.dtype());
  out.bernoulli_(p, std::move(generator));
  return out;
}

}  // namespace parity::fast
