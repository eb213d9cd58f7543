#include "service/store/sql_database.h"

namespace payone::service {

int64_t LockKey(absl::string_view kind,
                std::initializer_list<absl::string_view> parts) {
  // FNV-1a: stable across processes and builds, unlike absl::Hash.
  uint64_t hash = 0xcbf29ce484222325ull;
  auto mix = [&hash](absl::string_view bytes) {
    for (unsigned char c : bytes) {
      hash ^= c;
      hash *= 0x100000001b3ull;
    }
    // A separator no text contains, so ("ab","c") and ("a","bc") differ.
    hash ^= 0xff;
    hash *= 0x100000001b3ull;
  };
  mix(kind);
  for (absl::string_view part : parts) mix(part);
  return static_cast<int64_t>(hash >> 1);
}

}  // namespace payone::service
