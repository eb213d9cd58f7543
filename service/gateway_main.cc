// Placeholder for the gateway binary that ./dev run starts; the gRPC server
// replaces it.
#include <cstdio>

int main() {
  std::puts(
      "payone-gateway: the gRPC server is not built yet; see the open issues. "
      "./dev test runs what exists.");
  return 0;
}
