#ifndef PAYONE_CODEC_RUNTIME_JSON_ANSWER_H_
#define PAYONE_CODEC_RUNTIME_JSON_ANSWER_H_

// PAYONE's JSON answers (Accept: application/json, and getuser with
// type=userdata, which answers only in JSON) as the key=value lines the
// generated decoders read:
//   a top-level member           "Status": "OK"          -> status=OK
//   a member of "Error"          "ErrorCode": "911"      -> errorcode=911
//   a member of "AddPayData"     "session_id": "s-1"     ->
//                                add_paydata[session_id]=s-1
//   a member of another object   "Person": {"LastName": "Doe"} ->
//                                Person.LastName=Doe
// Names of top-level members and of Error's are lower-cased (PAYONE's
// PascalCase of the key=value names); nested objects keep their spelling,
// one level deep per dot. Numbers and bools become their JSON text; arrays
// and nulls are left out. Line breaks inside values become spaces.
// Members come in the order of their names.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace payone::codec {

// INVALID_ARGUMENT when `json` is not a JSON object.
absl::StatusOr<std::string> JsonAnswerToLines(absl::string_view json);

}  // namespace payone::codec

#endif  // PAYONE_CODEC_RUNTIME_JSON_ANSWER_H_
