// The reference engine of parity: the executable specification of
// PyTorch 1.13's tensor model (storage, strides, views, printing).
// Plain scalar code over one strided index walk; see reference/README.md.
#pragma once
#include "parity/ref/factories.h"
#include "parity/ref/generator.h"
#include "parity/ref/init.h"
#include "parity/ref/interop.h"
#include "parity/ref/joining.h"
#include "parity/ref/linalg.h"
#include "parity/ref/nested_list.h"
#include "parity/ref/operators.h"
#include "parity/ref/ops.h"
#include "parity/ref/pointwise.h"
#include "parity/ref/print.h"
#include "parity/ref/random.h"
#include "parity/ref/reductions.h"
#include "parity/ref/serialize.h"
#include "parity/ref/spectral.h"
#include "parity/ref/storage.h"
#include "parity/ref/tensor.h"
#include "parity/ref/tensor_index.h"
#include "parity/ref/vocabulary.h"
