// A main() for the fuzz targets outside libFuzzer: runs
// LLVMFuzzerTestOneInput over every file below the given paths, so that the
// seed corpora and past findings are checked by every plain `bazel test`.
// Weak: under --config=fuzz libFuzzer's own main() links instead, and the
// same arguments ("-runs=0 <corpus>") make it run the corpus once. Flags
// ("-runs=0") are libFuzzer's and ignored here.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

__attribute__((weak)) int main(int argc, char** argv) {
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    if (argv[i][0] == '-') continue;
    const std::filesystem::path path(argv[i]);
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry :
           std::filesystem::recursive_directory_iterator(path)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
    } else {
      files.push_back(path);
    }
  }
  if (files.empty()) {
    std::cerr << "no inputs\n";
    return 1;
  }
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string data((std::istreambuf_iterator<char>(in)),
                           std::istreambuf_iterator<char>());
    std::cout << file.string() << "\n";
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.data()),
                           data.size());
  }
  std::cout << files.size() << " inputs ran\n";
  return 0;
}
