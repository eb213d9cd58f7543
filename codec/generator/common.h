#ifndef PAYONE_CODEC_GENERATOR_COMMON_H_
#define PAYONE_CODEC_GENERATOR_COMMON_H_

// Small pieces every generator of this plugin shares.

#include <string>

namespace payone::codec::generator {

// Every generated file starts with this: it names its source and keeps
// clang-format (tools/check_format.sh) away from checked-in golden copies.
std::string GeneratedFilePreamble(const std::string& proto_name);

// "PAYONE_V1_REQUESTS_PAYONE_H_" for "payone/v1/requests.payone.h".
std::string IncludeGuard(const std::string& path);

// PAYONE's limit on indexed parameters (it[1]..it[400]).
inline constexpr int kDefaultMaxElements = 400;
// Bounds where the model sets none, so that no input is unbounded: text
// fields in characters, map fields in entries.
inline constexpr int kDefaultMaxTextChars = 2048;
inline constexpr int kDefaultMaxMapEntries = 100;

}  // namespace payone::codec::generator

#endif  // PAYONE_CODEC_GENERATOR_COMMON_H_
