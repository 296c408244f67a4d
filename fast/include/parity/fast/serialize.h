// save/load in the file format of Python's torch.save / torch.load, so that
// files pass both ways with real PyTorch (spec/clauses/serialization.md).
// The byte format is parity_io's (spec/io); the storage table, sharing and
// large copies (memcpy, split across threads) are this engine's own.
#pragma once
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "parity/fast/tensor.h"
#include "parity/io/basic_value.h"
#include "parity/io/limits.h"

namespace parity::fast {

// LibTorch's IValue for what tensor files hold: None, bool, int, float,
// string, Tensor, list, tuple, dict (ordered or not).
using Value = io::BasicValue<Tensor>;
using StateDict = std::vector<std::pair<std::string, Tensor>>;

// Every distinct storage is written once and whole, so views stay views
// (and two views of one storage stay sharing) after a load. A path save is
// atomic: the old file survives a failed save. The archive's folder is the
// file's stem for a path and "archive" for a stream, as torch.save does.
void save(const Tensor& t, const std::string& path);
void save(const Tensor& t, std::ostream& out);
void save(const Value& v, const std::string& path);
void save(const Value& v, std::ostream& out);
// An OrderedDict of str -> Tensor, in the given order.
void save_state_dict(const StateDict& entries, const std::string& path);
void save_state_dict(const StateDict& entries, std::ostream& out);

// Reading never executes anything; every malformed file gets an
// io::SerializationError naming the part of the file at fault.
Value load(const std::string& path, const io::LoadLimits& limits = {});
Value load(std::istream& in, const io::LoadLimits& limits = {});
// The root must be a tensor.
Tensor load_tensor(const std::string& path, const io::LoadLimits& limits = {});
Tensor load_tensor(std::istream& in, const io::LoadLimits& limits = {});
// The root must be an OrderedDict or a dict of str -> Tensor; entries come in
// file order, and a state dict's _metadata is not an entry.
StateDict load_state_dict(const std::string& path, const io::LoadLimits& limits = {});
StateDict load_state_dict(std::istream& in, const io::LoadLimits& limits = {});

}  // namespace parity::fast
