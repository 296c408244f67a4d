// Free functions: Reductions: sum, prod, mean, amax ... cumsum (spec/API.md).
#pragma once
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

#include "parity/fast/tensor.h"

namespace parity::fast {

Tensor sum(const Tensor& t, std::optional<ScalarType> dtype = std::nullopt);
Tensor sum(const Tensor& t,
           OptionalIntArrayRef dim,
           bool keepdim = false,
           std::optional<ScalarType> dtype = std::nullopt);
Tensor mean(const Tensor& t, std::optional<ScalarType> dtype = std::nullopt);
Tensor mean(const Tensor& t,
            OptionalIntArrayRef dim,
            bool keepdim = false,
            std::optional<ScalarType> dtype = std::nullopt);
Tensor prod(const Tensor& t, std::optional<ScalarType> dtype = std::nullopt);
Tensor prod(const Tensor& t,
            int64_t dim,
            bool keepdim = false,
            std::optional<ScalarType> dtype = std::nullopt);
Tensor amax(const Tensor& t, IntArrayRef dim = {}, bool keepdim = false);
Tensor amin(const Tensor& t, IntArrayRef dim = {}, bool keepdim = false);
Tensor max(const Tensor& t);
Tensor min(const Tensor& t);
std::tuple<Tensor, Tensor> max(const Tensor& t, int64_t dim, bool keepdim = false);
std::tuple<Tensor, Tensor> min(const Tensor& t, int64_t dim, bool keepdim = false);
Tensor argmax(const Tensor& t, std::optional<int64_t> dim = std::nullopt, bool keepdim = false);
Tensor argmin(const Tensor& t, std::optional<int64_t> dim = std::nullopt, bool keepdim = false);
Tensor std(const Tensor& t, bool unbiased = true);
Tensor std(const Tensor& t, OptionalIntArrayRef dim, bool unbiased = true, bool keepdim = false);
Tensor std(const Tensor& t,
           OptionalIntArrayRef dim,
           std::optional<int64_t> correction,
           bool keepdim = false);
Tensor var(const Tensor& t, bool unbiased = true);
Tensor var(const Tensor& t, OptionalIntArrayRef dim, bool unbiased = true, bool keepdim = false);
Tensor var(const Tensor& t,
           OptionalIntArrayRef dim,
           std::optional<int64_t> correction,
           bool keepdim = false);
Tensor norm(const Tensor& t, const Scalar& p = 2);
Tensor norm(const Tensor& t, const std::optional<Scalar>& p, IntArrayRef dim, bool keepdim = false);
Tensor all(const Tensor& t);
Tensor all(const Tensor& t, int64_t dim, bool keepdim = false);
Tensor any(const Tensor& t);
Tensor any(const Tensor& t, int64_t dim, bool keepdim = false);
Tensor logsumexp(const Tensor& t, IntArrayRef dim, bool keepdim = false);
Tensor cumsum(const Tensor& t, int64_t dim, std::optional<ScalarType> dtype = std::nullopt);
Tensor cumprod(const Tensor& t, int64_t dim, std::optional<ScalarType> dtype = std::nullopt);

}  // namespace parity::fast
