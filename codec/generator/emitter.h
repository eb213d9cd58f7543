#ifndef PAYONE_CODEC_GENERATOR_EMITTER_H_
#define PAYONE_CODEC_GENERATOR_EMITTER_H_

// What the emitters of <file>.payone.cc and .payone.h share: the printer they
// write with
// ($name$ variables, Indent/Outdent for nesting) and the C++ expressions
// for a field of the model.

#include <functional>
#include <string>
#include <vector>

#include "codec/generator/model.h"
#include "google/protobuf/io/printer.h"

namespace payone::codec::generator {

using Printer = google::protobuf::io::Printer;

// A generated file's text: the preamble naming `proto_name`, then what
// `body` prints.
std::string PrintFile(const std::string& proto_name,
                      const std::function<void(Printer*)>& body);

// A C++ string literal.
std::string Lit(const std::string& text);
const char* Bool(bool b);
// "if (condition) ", or nothing for a condition that always holds.
std::string If(const std::string& condition);

// `m.x()`: the value of field `f` of `object` (an expression of the
// message, e.g. "m" or "m.card()").
std::string Value(const std::string& object, const FieldModel& f);
// Set in the proto3 sense: has_x() where there is presence, else non-empty /
// non-zero.
std::string IsSet(const std::string& object, const FieldModel& f);
// Sent on the wire: like IsSet, but a required number without presence is
// always sent (0 is a value: pr[3]=0 for a free shipping line).
std::string IsSent(const std::string& object, const FieldModel& f);
// The names a field's violations are reported under, as the last members
// of its rules constant: "field", "wire"; and the whole violation place.
std::string Names(const FieldModel& f, const std::string& wire);
std::string Where(const FieldModel& f, const std::string& wire);
// internal::Case's enumerator for a letter case: "kUpper".
const char* CaseName(payone::v1::LetterCase letter_case);
// The wire texts of a bool field.
std::string TrueText(const FieldModel& f);
std::string FalseText(const FieldModel& f);

// One arm of a dispatch on a parameter name: taken when the name is `name`
// and `condition` (C++, may be empty) holds; `body` prints its statements.
struct NameCase {
  std::string name;
  std::string condition;
  std::function<void(Printer*)> body;
};

// `switch (name.size()) { case N: if (name is ...) {...} ... }`: a name is
// compared only with the names of its size, in the order of `cases` (which
// names of other sizes cannot change). Arms that do not return fall out of
// the switch.
void PrintNameSwitch(Printer* p, const std::vector<NameCase>& cases,
                     const std::string& name = "name");

// `statements` for every entry of map field `f` (`entry`), in key order.
void PrintEntryLoop(Printer* p, const FieldModel& f,
                    const std::vector<std::string>& statements);

// The state every per-message emitter starts from: the message's model,
// the printer and its C++ type. The printer stands at namespace scope for
// the source's definitions, inside the struct for the header's members.
class MessageEmitter {
 public:
  MessageEmitter(const MessageModel& model, Printer* printer);

 protected:
  const MessageModel& model_;
  Printer* const p_;
  const std::string type_;
};

}  // namespace payone::codec::generator

#endif  // PAYONE_CODEC_GENERATOR_EMITTER_H_
