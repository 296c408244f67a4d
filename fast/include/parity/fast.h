// The fast engine: parity::fast. One include gives the whole public surface
// (spec/API.md); everything under parity/fast/ is part of it.
#pragma once
#include "parity/fast/functions.h"
#include "parity/fast/generator.h"
#include "parity/fast/init.h"
#include "parity/fast/intrusive_ptr.h"
#include "parity/fast/joining.h"
#include "parity/fast/linalg.h"
#include "parity/fast/operators.h"
#include "parity/fast/pointwise.h"
#include "parity/fast/random.h"
#include "parity/fast/small_vector.h"
#include "parity/fast/spectral.h"
#include "parity/fast/storage.h"
#include "parity/fast/tensor.h"
#include "parity/fast/tensor_impl.h"
#include "parity/fast/vocabulary.h"
