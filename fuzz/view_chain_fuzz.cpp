// Property: a random tensor (0-6 dims, sizes 0-5, every dtype) pushed
// through a random chain of up to 8 view operations, valid and invalid,
// looks the same on reference, fast and LibTorch after every step (sizes,
// strides, offset, values, errors, storage sharing); then contiguous(),
// clone() and an in-place write through the last view leave the same
// storage everywhere. Budget: PARITY_FUZZ_CASES (default 300), seed:
// PARITY_FUZZ_SEED (default random), or RapidCheck's own RC_PARAMS.
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>

#include "cases/case_util.h"
#include "fuzz_params.h"
#include "harness/compare.h"
#include "view_ops.h"

using namespace parity;
using namespace parity::conf;
using parity::fuzz::Op;

namespace {

// The base tensor's bytes, drawn per dtype: values every dtype holds exactly.
std::vector<unsigned char> drawBytes(ScalarType dt, int64_t n) {
  std::vector<unsigned char> bytes(n * elementSize(dt));
  for (int64_t i = 0; i < n; ++i) {
    unsigned char* p = bytes.data() + i * elementSize(dt);
    const int64_t k = *rc::gen::inRange<int64_t>(-200, 201);
    auto put = [&](auto v) { std::memcpy(p, &v, sizeof v); };
    switch (dt) {
      case kBool:
        put(static_cast<uint8_t>(k & 1));
        break;
      case kByte:
        put(static_cast<uint8_t>(k + 200));
        break;
      case kChar:
        put(static_cast<int8_t>(k / 2));
        break;
      case kShort:
        put(static_cast<int16_t>(k * 100));
        break;
      case kInt:
        put(static_cast<int32_t>(k * 100000));
        break;
      case kLong:
        put(static_cast<int64_t>(k) << 40);
        break;
      case kFloat:
        put(static_cast<float>(k) / 4);
        break;
      case kDouble:
        put(static_cast<double>(k) / 8);
        break;
      case kBFloat16: {
        const float f = static_cast<float>(k) / 4;
        uint32_t bits;
        std::memcpy(&bits, &f, 4);
        put(static_cast<uint16_t>(bits >> 16));  // exact: k/4 needs <= 8 significant bits
        break;
      }
      case kHalf: {  // k/4 with |k| <= 200 is a normal float16 or zero
        uint16_t h = k < 0 ? 0x8000 : 0;
        if (k != 0) {
          int e;
          const double m = std::frexp(std::fabs(static_cast<double>(k) / 4), &e);
          h |= static_cast<uint16_t>(((e + 14) << 10) | static_cast<int>((2 * m - 1) * 1024));
        }
        put(h);
        break;
      }
    }
  }
  return bytes;
}

// One engine's lane: the base tensor and the current end of the chain.
template <class E>
struct Lane {
  using Engine = E;
  typename E::Tensor base, cur;
  std::optional<ErrorInfo> error;  // of the last step

  Lane(const std::vector<int64_t>& sizes, int dt_index, const std::vector<unsigned char>& bytes) {
    base = E::empty(sizes, E::dtype(allDtypes<E>()[dt_index]));
    if (!bytes.empty()) std::memcpy(base.data_ptr(), bytes.data(), bytes.size());
    cur = base;
  }
  void step(const Op& op) {
    error.reset();
    try {
      cur = fuzz::applyOp<E>(cur, op);
    } catch (...) {
      error = E::describe_error(std::current_exception());
    }
  }
  TensorSnap snap() const { return E::snapshot(cur); }
};

std::string describe(const std::optional<ErrorInfo>& e) {
  return e ? e->kind + ": " + e->message : "no error";
}

template <class Want, class Got>
void agree(const Lane<Want>& want,
           const Lane<Got>& got,
           const std::string& chain,
           const std::string& what) {
  const std::string who = std::string(Got::name) + " vs " + Want::name + " after t" + chain;
  if (want.error || got.error) {
    const bool same = want.error && got.error && want.error->kind == got.error->kind &&
                      want.error->message == got.error->message;
    if (!same)
      RC_FAIL(who + ": " + what + ": expected " + describe(want.error) + ", got " +
              describe(got.error));
    return;
  }
  const auto diffs = compareTensors(want.snap(), got.snap());
  if (!diffs.empty()) RC_FAIL(who + ": " + what + ": " + diffs.front());
  if (want.cur.is_alias_of(want.base) != got.cur.is_alias_of(got.base))
    RC_FAIL(who + ": " + what + ": storage sharing differs");
}

template <class Base, class... Others>
void property(Lane<Base>& base, Lane<Others>&... others) {
  const int64_t steps = *rc::gen::inRange(0, 9);
  std::string chain;
  for (int64_t i = 0; i < steps; ++i) {
    const Op op = fuzz::drawOp(base.cur.sizes().vec());
    chain += op.describe();
    base.step(op);
    (others.step(op), ...);
    (agree(base, others, chain, "step"), ...);
    if (base.error) return;  // an invalid step ends the chain everywhere
  }
  // Copies of a lane share its tensors; only the last stage writes.
  auto copyOf = [](auto lane) { return lane; };
  for (int what = 0; what < 3; ++what) {
    auto b = copyOf(base);
    auto run = [&](auto& lane) {
      using EngineOf = typename std::remove_reference_t<decltype(lane)>::Engine;
      auto& t = lane.cur;
      lane.error.reset();
      try {
        if (what == 0) t = t.contiguous();
        if (what == 1) t = t.clone();
        if (what == 2) {
          t.fill_(3);
          t = lane.base;
        }
      } catch (...) {
        lane.error = EngineOf::describe_error(std::current_exception());
      }
    };
    run(b);
    const char* label = what == 0   ? "contiguous()"
                        : what == 1 ? "clone()"
                                    : "fill_(3), then the base";
    (
        [&] {
          auto o = copyOf(others);
          run(o);
          agree(b, o, chain, label);
        }(),
        ...);
  }
}

}  // namespace

int main() {
  parity::fuzz::configureRapidCheck();
  if (!PARITY_HAVE_TORCH)
    std::cout << "[parity] LibTorch absent: fast is compared with reference only\n";
  const bool ok = rc::check("view chains agree on every engine", [] {
    const int64_t rank = *rc::gen::inRange(0, 7);
    std::vector<int64_t> sizes;
    for (int64_t i = 0; i < rank; ++i) sizes.push_back(*rc::gen::inRange<int64_t>(0, 6));
    const int dt = *rc::gen::inRange(0, 10);
    int64_t n = 1;
    for (int64_t s : sizes) n *= s;
    const auto bytes = drawBytes(kAllScalarTypes[dt], n);
    Lane<RefEngine> ref(sizes, dt, bytes);
    Lane<FastEngine> fast(sizes, dt, bytes);
#if PARITY_HAVE_TORCH
    Lane<TorchEngine> torch(sizes, dt, bytes);
    property(torch, ref, fast);
#else
    property(ref, fast);  // LibTorch absent: the engines are compared with each other
#endif
  });
  return ok ? 0 : 1;
}
