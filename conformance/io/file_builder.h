// Builds TorchFiles for the tests: storages filled with a deterministic
// byte pattern (0/1 for bool), tensors over them, and the trees torch.save
// writes for the cases the python side checks.
#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "io_test_util.h"
#include "parity/io/torch_file.h"

namespace parity::io::test {

struct FileBuilder {
  TorchFile f;
  // Shared, so that copies of a builder (vector growth copies) keep the spans valid.
  std::vector<std::shared_ptr<std::vector<std::byte>>> pool;

  size_t storage(ScalarType dt, int64_t numel, uint32_t seed = 1) {
    std::vector<std::byte>& b = *pool.emplace_back(
        std::make_shared<std::vector<std::byte>>(static_cast<size_t>(numel) * elementSize(dt)));
    uint32_t x = seed * 2654435761u + 12345;
    for (std::byte& v : b) {
      x = x * 1664525u + 1013904223u;
      v = static_cast<std::byte>(dt == kBool ? (x >> 16) & 1 : x >> 24);
    }
    f.storages.push_back({dt, numel, b});
    return f.storages.size() - 1;
  }
  Node tensor(size_t storage,
              int64_t offset,
              std::vector<int64_t> sizes,
              std::vector<int64_t> strides,
              bool requires_grad = false,
              bool parameter = false) {
    f.tensors.push_back(
        {storage, offset, std::move(sizes), std::move(strides), requires_grad, parameter});
    Node n;
    n.kind = Node::Kind::Tensor;
    n.tensor = f.tensors.size() - 1;
    return n;
  }
  // A contiguous tensor over a new storage.
  Node contiguous(ScalarType dt, std::vector<int64_t> sizes, uint32_t seed = 1) {
    int64_t numel = 1;
    std::vector<int64_t> strides(sizes.size());
    for (size_t d = sizes.size(); d-- > 0;) {
      strides[d] = numel;
      numel *= sizes[d];
    }
    return tensor(storage(dt, numel, seed), 0, std::move(sizes), std::move(strides));
  }
};

inline Node none() { return {}; }
inline Node boolean(bool b) {
  Node n;
  n.kind = Node::Kind::Bool;
  n.b = b;
  return n;
}
inline Node integer(int64_t i) {
  Node n;
  n.kind = Node::Kind::Int;
  n.i = i;
  return n;
}
inline Node real(double f) {
  Node n;
  n.kind = Node::Kind::Float;
  n.f = f;
  return n;
}
inline Node str(std::string s) {
  Node n;
  n.kind = Node::Kind::String;
  n.s = std::move(s);
  return n;
}
inline Node list(std::vector<Node> items, Node::Kind kind = Node::Kind::List) {
  Node n;
  n.kind = kind;
  n.items = std::move(items);
  return n;
}
inline Node tuple(std::vector<Node> items) { return list(std::move(items), Node::Kind::Tuple); }
inline Node dict(std::vector<std::pair<Node, Node>> entries, bool ordered = false) {
  Node n;
  n.kind = Node::Kind::Dict;
  n.entries = std::move(entries);
  n.ordered = ordered;
  return n;
}

// The cases both the round-trip test and python3-torch check. A name ending
// in "!" is expected to be byte-identical to torch.save's file.
inline std::vector<std::pair<std::string, FileBuilder>> parityCases() {
  std::vector<std::pair<std::string, FileBuilder>> cases;
  auto add = [&](std::string name) -> FileBuilder& {
    return cases.emplace_back(name, FileBuilder{}).second;
  };
  {
    FileBuilder& b = add("tensor!");
    b.f.root = b.contiguous(kFloat, {2, 3});
  }
  for (ScalarType dt : kAllScalarTypes) {
    FileBuilder& b = add(std::string("dtype_") + dtypeName(dt) + "!");
    b.f.root = b.contiguous(dt, {3, 2}, static_cast<uint32_t>(dt) + 7);
  }
  {
    FileBuilder& b = add("state_dict!");
    Node version = dict({{str("version"), integer(1)}});
    Node meta = dict({{str(""), version}}, true);
    Node sd = dict({{str("weight"), b.contiguous(kFloat, {2, 3})},
                    {str("bias"), b.contiguous(kFloat, {2}, 2)}},
                   true);
    sd.state = std::make_shared<Node>(dict({{str("_metadata"), meta}}));
    b.f.root = sd;
  }
  {
    FileBuilder& b = add("scalars!");
    b.f.root = dict({{str("a"), integer(1)},
                     {str("b"), integer(300)},
                     {str("c"), integer(70000)},
                     {str("d"), integer(-5)},
                     {str("e"), integer(int64_t{1} << 40)},
                     {str("f"), integer(-(int64_t{1} << 39))},
                     {str("g"), integer(INT64_MAX)},
                     {str("h"), integer(INT64_MIN)},
                     {str("i"), real(2.5)},
                     {str("k"), str("unicod\xc3\xa9 \xe2\x9c\x93")},
                     {str("l"), none()},
                     {str("m"), boolean(true)},
                     {str("n"), boolean(false)},
                     {integer(7), str("int key")}});
  }
  {
    FileBuilder& b = add("shared_views!");
    const size_t s = b.storage(kFloat, 24);
    b.f.root = dict({{str("whole"), b.tensor(s, 0, {4, 6}, {6, 1})},
                     {str("row"), b.tensor(s, 12, {6}, {1})},
                     {str("col"), b.tensor(s, 1, {4}, {6})},
                     {str("t"), b.tensor(s, 7, {3, 2}, {1, 6})}});
  }
  {
    FileBuilder& b = add("same_tensor_twice!");
    Node t = b.contiguous(kInt, {5});
    b.f.root = list({t, t});
  }
  {
    FileBuilder& b = add("zero_dim!");
    b.f.root = b.contiguous(kDouble, {});
  }
  {
    FileBuilder& b = add("empty!");
    b.f.root = b.contiguous(kFloat, {0, 4});
  }
  {
    FileBuilder& b = add("expand!");
    b.f.root = b.tensor(b.storage(kFloat, 3), 0, {4, 3}, {0, 1});
  }
  {
    FileBuilder& b = add("requires_grad!");
    Node t = b.contiguous(kFloat, {3});
    b.f.tensors.back().requires_grad = true;
    b.f.root = t;
  }
  {
    FileBuilder& b = add("parameter!");
    Node t = b.contiguous(kFloat, {2, 2});
    b.f.tensors.back().parameter = true;
    b.f.tensors.back().requires_grad = true;
    b.f.root = t;
  }
  {
    FileBuilder& b = add("nested!");
    b.f.root =
        dict({{str("list"),
               list({integer(1),
                     list({integer(2), tuple({integer(3), integer(4), integer(5), integer(6)})}),
                     tuple({})})},
              {str("tuple"), tuple({b.contiguous(kFloat, {1})})},
              {str("dict"), dict({{str("x"), dict({{str("y"), b.contiguous(kLong, {2})}})}})}});
  }
  {
    FileBuilder& b = add("many_storages!");
    std::vector<Node> ts;
    for (uint32_t i = 0; i < 12; ++i) ts.push_back(b.contiguous(kFloat, {2}, i));
    b.f.root = list(ts);
  }
  {
    FileBuilder& b = add("big_list!");
    std::vector<Node> v;
    for (int i = 0; i < 2500; ++i) v.push_back(integer(i));
    b.f.root = list(v);
  }
  {
    FileBuilder& b = add("storage_order_differs");  // storages listed in another order than used
    const size_t s1 = b.storage(kFloat, 2, 1), s0 = b.storage(kLong, 3, 2);
    b.f.root =
        tuple({b.tensor(s0, 0, {3}, {1}), b.tensor(s1, 0, {2}, {1}), b.tensor(s0, 1, {2}, {1})});
  }
  return cases;
}

}  // namespace parity::io::test
