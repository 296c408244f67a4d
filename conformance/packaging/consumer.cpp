// Uses both engines through their umbrella headers, switching by alias.
#include <parity/fast.h>
#include <parity/ref.h>

#include <iostream>
#include <string>

template <class Tensor>
std::string transposed(const Tensor& points) {
  return repr(points.t());
}

int main() {
  namespace ref = parity::ref;
  namespace fast = parity::fast;
  const std::string a = transposed(ref::tensor({{4.0, 1.0}, {5.0, 3.0}, {2.0, 1.0}}));
  const std::string b = transposed(fast::tensor({{4.0, 1.0}, {5.0, 3.0}, {2.0, 1.0}}));
  // What Python's print(points.t()) shows in torch 1.13.
  const std::string want = "tensor([[4., 5., 2.],\n        [1., 3., 1.]])";
  std::cout << a << "\n" << b << "\n";
  return a == want && b == want ? 0 : 1;
}
