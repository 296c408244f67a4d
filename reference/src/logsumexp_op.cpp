// logsumexp (ATen/native/ReduceOps.cpp, torch 1.13), in torch's steps:
// m = amax (an infinite m replaced by 0, so all -inf gives -inf and a +inf
// gives +inf; NaN propagates), then log(sum(exp(x - m))) + m, each step
// rounded to the dtype as torch's separate ops round it (the sum itself
// accumulates in double). With no elements it is log(0) = -inf. Integral
// and bool inputs are first converted to the default float dtype.
#include <cmath>
#include <limits>
#include <sstream>

#include "element.h"
#include "parity/ref/reductions.h"
#include "reduce_dims.h"

namespace parity::ref {

namespace {

double logsumexp_of(const std::vector<Scalar>& run, ScalarType dtype) {
  auto r = [&](double v) { return stored_value(dtype, v); };
  double max = -std::numeric_limits<double>::infinity();
  for (const Scalar& v : run)
    if (std::isnan(v.toDouble()) || v.toDouble() > max) max = v.toDouble();
  if (std::isnan(max)) return max;
  if (std::isinf(max)) max = 0;
  double sum = 0;
  for (const Scalar& v : run) sum += r(std::exp(r(v.toDouble() - max)));
  return r(r(std::log(r(sum))) + max);
}

}  // namespace

Tensor Tensor::logsumexp(IntArrayRef d, bool keepdim) const {
  const Tensor input = isFloatingType(scalar_type()) ? *this : to(kFloat);
  const std::vector<bool> mask = reduced_dims(d, dim());
  if (input.scalar_type() == kHalf) throw Error("\"exp_vml_cpu\" not implemented for 'Half'");
  if (d.empty() && !keepdim && dim() > 0 && numel() > 0) {
    // torch adds the kept-dim maxima of every dim to the 0-d sum in place,
    // which cannot broadcast.
    std::ostringstream msg;
    msg << "output with shape [] doesn't match the broadcast shape [";
    for (int64_t i = 0; i < dim(); ++i) msg << (i ? ", " : "") << 1;
    msg << "]";
    throw Error(msg.str());
  }
  std::vector<Scalar> values;
  for (const auto& run : reduction_groups(input, mask))
    values.push_back(Scalar(logsumexp_of(run, input.scalar_type())));
  return tensor_of(reduced_sizes(sizes(), mask, keepdim), input.scalar_type(), values);
}

Tensor logsumexp(const Tensor& self, IntArrayRef dim, bool keepdim) {
  return self.logsumexp(dim, keepdim);
}

}  // namespace parity::ref
