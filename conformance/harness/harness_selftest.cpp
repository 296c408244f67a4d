// Meta-tests: the comparison rules and decoders the whole suite relies on.
// Expected values are IEEE 754 facts and DESIGN.md's tolerances.
#include <gtest/gtest.h>

#include <cmath>

#include "compare.h"
#include "snapshot.h"

using namespace parity;
using namespace parity::conf;

namespace {

TensorSnap floats(std::vector<double> v, ScalarType t = kFloat) {
  TensorSnap s;
  s.dtype = t;
  s.sizes = {int64_t(v.size())};
  s.strides = {1};
  s.reals = std::move(v);
  return s;
}

TEST(HarnessSelfTest, HalfDecoding) {
  EXPECT_EQ(halfBitsToDouble(0x3c00), 1.0);
  EXPECT_EQ(halfBitsToDouble(0xc000), -2.0);
  EXPECT_EQ(halfBitsToDouble(0x7bff), 65504.0);
  EXPECT_EQ(halfBitsToDouble(0x0001), std::ldexp(1.0, -24));  // smallest subnormal
  EXPECT_TRUE(std::isinf(halfBitsToDouble(0x7c00)));
  EXPECT_TRUE(std::isnan(halfBitsToDouble(0x7e00)));
  EXPECT_TRUE(std::signbit(halfBitsToDouble(0x8000)));
}

TEST(HarnessSelfTest, BFloat16Decoding) {
  EXPECT_EQ(bfloat16BitsToDouble(0x3f80), 1.0);
  EXPECT_EQ(bfloat16BitsToDouble(0x4049), 3.140625);
  EXPECT_TRUE(std::isinf(bfloat16BitsToDouble(0xff80)));
}

TEST(HarnessSelfTest, StridedReadFollowsStrides) {
  const float data[6] = {1, 2, 3, 4, 5, 6};  // a 2x3 row-major block
  TensorSnap s;
  s.dtype = kFloat;
  s.sizes = {3, 2};
  s.strides = {1, 3};  // its transpose
  readValues(s, data);
  EXPECT_EQ(s.reals, (std::vector<double>{1, 4, 2, 5, 3, 6}));
}

TEST(HarnessSelfTest, FloatTolerancesPerDtype) {
  EXPECT_TRUE(compareTensors(floats({1.0}), floats({1.0 + 1e-6})).empty());
  EXPECT_FALSE(compareTensors(floats({1.0}), floats({1.0 + 1e-4})).empty());
  EXPECT_TRUE(compareTensors(floats({1.0}, kBFloat16), floats({1.01}, kBFloat16)).empty());
  EXPECT_FALSE(compareTensors(floats({1.0}, kDouble), floats({1.0 + 1e-6}, kDouble)).empty());
}

TEST(HarnessSelfTest, ExactModeIsBitForBit) {
  EXPECT_FALSE(compareTensors(floats({1.0}), floats({1.0 + 1e-6}), 0).empty());
  EXPECT_FALSE(compareTensors(floats({0.0}), floats({-0.0}), 0).empty());
  EXPECT_TRUE(compareTensors(floats({NAN, 0.25}), floats({NAN, 0.25}), 0).empty());
}

TEST(HarnessSelfTest, UlpModeCountsUnitsOfTheDtype) {
  const double up = std::nextafter(1.0f, 2.0f), up2 = std::nextafter(float(up), 2.0f);
  EXPECT_TRUE(compareTensors(floats({1.0}), floats({up}, kFloat), 1).empty());
  EXPECT_FALSE(compareTensors(floats({1.0}), floats({up2}, kFloat), 1).empty());
  EXPECT_TRUE(
      compareTensors(floats({3e-40}, kFloat), floats({3e-40 + 1.4e-45}, kFloat), 1).empty());
  EXPECT_FALSE(compareTensors(floats({1.0}, kDouble), floats({up}, kDouble), 1).empty());
}

TEST(HarnessSelfTest, SpecialValuesMustMatch) {
  EXPECT_TRUE(compareTensors(floats({NAN}), floats({NAN})).empty());
  EXPECT_FALSE(compareTensors(floats({NAN}), floats({0.0})).empty());
  EXPECT_FALSE(compareTensors(floats({INFINITY}), floats({-INFINITY})).empty());
  EXPECT_FALSE(compareTensors(floats({0.0}), floats({-0.0})).empty());
}

TEST(HarnessSelfTest, MetadataIsExact) {
  TensorSnap a = floats({1, 2}), b = floats({1, 2});
  b.strides = {2};
  EXPECT_FALSE(compareTensors(a, b).empty());
  b = a;
  b.dtype = kDouble;
  EXPECT_FALSE(compareTensors(a, b).empty());
  b = a;
  b.storage_offset = 1;
  EXPECT_FALSE(compareTensors(a, b).empty());
}

TEST(HarnessSelfTest, RecordsMustTakeTheSamePath) {
  Record want, got;
  Entry e;
  e.name = "x";
  e.kind = Entry::Kind::Int;
  e.i = 1;
  want.entries.push_back(e);
  got.entries.push_back(e);
  EXPECT_TRUE(compareRecords(want, got).empty());
  got.entries[0].name = "y";
  EXPECT_FALSE(compareRecords(want, got).empty());
  got = want;
  got.entries.push_back(e);
  EXPECT_FALSE(compareRecords(want, got).empty());
  got = want;
  got.entries[0].kind = Entry::Kind::Error;
  EXPECT_FALSE(compareRecords(want, got).empty());
}

TEST(HarnessSelfTest, LiteralsAreChecked) {
  Record r;
  Entry e;
  e.name = "print";
  e.kind = Entry::Kind::Text;
  e.s = "tensor(1.)";
  e.expected_text = "tensor(1.)";
  r.entries.push_back(e);
  EXPECT_TRUE(checkExpectations(r).empty());
  r.entries[0].s = "tensor(1.0)";
  EXPECT_FALSE(checkExpectations(r).empty());
}

}  // namespace
