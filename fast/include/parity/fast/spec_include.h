// The vocabulary headers, included once with GCC's -Winit-list-lifetime
// silenced: IntArrayRef's initializer_list constructor (like c10's ArrayRef)
// trips it by design, and the project builds with -Werror.
#pragma once
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winit-list-lifetime"
#endif
#include "parity/spec.h"
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
