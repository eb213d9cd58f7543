// protoc-gen-payone's checks of the options, run in-process through protoc's
// own CommandLineInterface: each bad .proto must fail protoc with a message
// naming the file and the field.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "codec/generator/payone_generator.h"
#include "gmock/gmock.h"
#include "google/protobuf/compiler/command_line_interface.h"
#include "gtest/gtest.h"

namespace payone::codec::generator {
namespace {

using ::testing::HasSubstr;

class GeneratorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = std::getenv("TEST_TMPDIR");
    dir_ = std::filesystem::path(tmp != nullptr ? tmp : "/tmp") /
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "out");
  }

  // Runs protoc --payone_out[=parameter] over `body` (a proto3 file in
  // package t importing the options) and returns what it printed.
  std::string Run(const std::string& body, int* status,
                  const std::string& parameter = "") {
    {
      std::ofstream out(dir_ / "bad.proto");
      out << "syntax = \"proto3\";\npackage t;\n"
             "import \"payone/v1/options.proto\";\n"
          << body;
    }
    google::protobuf::compiler::CommandLineInterface cli;
    PayoneGenerator generator;
    cli.RegisterGenerator("--payone_out", &generator, "PAYONE codec");
    const std::string out_flag =
        "--payone_out=" + (parameter.empty() ? "" : parameter + ":") +
        (dir_ / "out").string();
    const std::string include_tmp = "-I" + dir_.string();
    std::vector<const char*> argv = {"protoc",         include_tmp.c_str(),
                                     "-Iproto",        "-I/usr/include",
                                     out_flag.c_str(), "bad.proto"};
    ::testing::internal::CaptureStderr();
    *status = cli.Run(static_cast<int>(argv.size()), argv.data());
    return ::testing::internal::GetCapturedStderr();
  }

  std::string Fails(const std::string& body) {
    int status = 0;
    const std::string output = Run(body, &status);
    EXPECT_NE(status, 0) << output;
    return output;
  }

  std::filesystem::path dir_;
};

constexpr char kPart[] = R"(
message Part {
  option (payone.v1.message) = {kind: MESSAGE_KIND_PART};
  string lastname = 1 [(payone.v1.field) = {wire_name: "lastname"}];
}
)";

TEST_F(GeneratorTest, GeneratesForAValidFile) {
  int status = 0;
  const std::string output = Run(std::string(kPart) + R"(
message A {
  option (payone.v1.message) = {kind: MESSAGE_KIND_PART constants: {key: "clearingtype" value: "a"}};
  string iban = 1 [(payone.v1.field) = {wire_name: "iban"}];
}
message B {
  option (payone.v1.message) = {kind: MESSAGE_KIND_PART constants: {key: "clearingtype" value: "b"}};
  string iban = 1 [(payone.v1.field) = {wire_name: "iban"}];
}
message R {
  option (payone.v1.message) = {kind: MESSAGE_KIND_REQUEST request_type: "x"};
  string account = 1 [(payone.v1.field) = {gateway_only: true}];
  Part part = 2;
  oneof method { A a = 3; B b = 4; }
}
service S { rpc Do(R) returns (R); }
)",
                                 &status);
  EXPECT_EQ(status, 0) << output;
  EXPECT_TRUE(std::filesystem::exists(dir_ / "out/bad.payone.h"));
  EXPECT_TRUE(std::filesystem::exists(dir_ / "out/bad.payone.cc"));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "out/bad.payone_service.h"));
  Run("service S { rpc Do(Empty) returns (Empty); }\nmessage Empty {}\n",
      &status, "services");
  EXPECT_EQ(status, 0);
  EXPECT_TRUE(std::filesystem::exists(dir_ / "out/bad.payone_service.h"));
}

TEST_F(GeneratorTest, RejectsAFormatThatDoesNotFitTheType) {
  EXPECT_THAT(Fails(R"(
message M {
  option (payone.v1.message) = {kind: MESSAGE_KIND_PART};
  int64 x = 1 [(payone.v1.field) = {wire_name: "x", integer: {format: FORMAT_PAN}}];
}
)"),
              HasSubstr("bad.proto: field t.M.x: format FORMAT_PAN is not "
                        "valid on a field of type int64"));
  EXPECT_THAT(Fails(R"(
message M {
  option (payone.v1.message) = {kind: MESSAGE_KIND_PART};
  string x = 1 [(payone.v1.field) = {wire_name: "x", text: {format: FORMAT_YES_NO}}];
}
)"),
              HasSubstr("bad.proto: field t.M.x: format FORMAT_YES_NO is "
                        "not valid on a field of type string"));
  EXPECT_THAT(Fails(R"(
message M {
  option (payone.v1.message) = {kind: MESSAGE_KIND_PART};
  int32 x = 1 [(payone.v1.field) = {wire_name: "x", integer: {format: FORMAT_DECIMAL}}];
}
)"),
              HasSubstr("field t.M.x: format FORMAT_DECIMAL is not valid"));
}

TEST_F(GeneratorTest, RejectsMinAboveMax) {
  EXPECT_THAT(Fails(R"(
message M {
  option (payone.v1.message) = {kind: MESSAGE_KIND_PART};
  string x = 1 [(payone.v1.field) = {wire_name: "x", text: {min_len: 5, max_len: 2}}];
}
)"),
              HasSubstr("bad.proto: field t.M.x: min_len 5 > max_len 2"));
  EXPECT_THAT(Fails(R"(
message M {
  option (payone.v1.message) = {kind: MESSAGE_KIND_PART};
  int64 x = 1 [(payone.v1.field) = {wire_name: "x", integer: {min: 9, max: -1}}];
}
)"),
              HasSubstr("bad.proto: field t.M.x: min 9 > max -1"));
  EXPECT_THAT(Fails(std::string(kPart) + R"(
message M {
  option (payone.v1.message) = {kind: MESSAGE_KIND_PART};
  repeated Part x = 1 [(payone.v1.field) = {indexed: {min_items: 3, max_items: 1}}];
}
)"),
              HasSubstr("bad.proto: field t.M.x: min_items 3 > max_items 1"));
}

// Typed rules say what their bounds count; on another kind of field they
// would mean something else, so the generator refuses them.
TEST_F(GeneratorTest, RejectsRulesOfAnotherKindOfField) {
  const std::string kM =
      "message M {\n"
      "  option (payone.v1.message) = {kind: MESSAGE_KIND_PART};\n";
  EXPECT_THAT(Fails(kM + R"(
  string x = 1 [(payone.v1.field) = {wire_name: "x", integer: {min: 1}}];
}
)"),
              HasSubstr("bad.proto: field t.M.x: integer rules on a field of "
                        "type string (it takes text: {...})"));
  EXPECT_THAT(Fails(kM + R"(
  int32 x = 1 [(payone.v1.field) = {wire_name: "x", text: {min_len: 1}}];
}
)"),
              HasSubstr("bad.proto: field t.M.x: text rules on a field of "
                        "type int32 (it takes integer: {...})"));
  EXPECT_THAT(Fails(kM + R"(
  map<string, string> x = 1 [(payone.v1.field) = {wire_name: "x", indexed: {max_items: 2}}];
}
)"),
              HasSubstr("bad.proto: field t.M.x: indexed rules on a field of "
                        "type map (it takes map: {...})"));
  EXPECT_THAT(Fails(kM + R"(
  bool x = 1 [(payone.v1.field) = {wire_name: "x", enumeration: {format: FORMAT_LIST}}];
}
)"),
              HasSubstr("bad.proto: field t.M.x: enumeration rules on a field "
                        "of type bool (it takes boolean: {...})"));
  EXPECT_THAT(Fails(std::string(kPart) + kM + R"(
  Part x = 1 [(payone.v1.field) = {text: {max_len: 2}}];
}
)"),
              HasSubstr("bad.proto: field t.M.x: text rules on a field of "
                        "type message (it takes no typed rules)"));
  EXPECT_THAT(Fails(kM + R"(
  string x = 1 [(payone.v1.field) = {gateway_only: true, text: {max_len: 2}}];
}
)"),
              HasSubstr("bad.proto: field t.M.x: text rules on a gateway_only "
                        "field, which is never sent"));
}

TEST_F(GeneratorTest, RejectsDuplicateWireNamesAfterFlattening) {
  EXPECT_THAT(Fails(std::string(kPart) + R"(
message R {
  option (payone.v1.message) = {kind: MESSAGE_KIND_REQUEST request_type: "x"};
  string lastname = 1 [(payone.v1.field) = {wire_name: "lastname"}];
  Part part = 2;
}
)"),
              HasSubstr("bad.proto: field t.R.part: wire name \"lastname\" "
                        "is used twice in one message after flattening"));
  EXPECT_THAT(Fails(R"(
message R {
  option (payone.v1.message) = {kind: MESSAGE_KIND_RESPONSE constants: {key: "x" value: "1"}};
  string x = 1 [(payone.v1.field) = {wire_name: "x"}];
}
)"),
              HasSubstr("bad.proto: field t.R.x: wire name \"x\" is used "
                        "twice"));
}

TEST_F(GeneratorTest, ChecksActionAndResultOneofs) {
  EXPECT_THAT(Fails(R"(
message R {
  option (payone.v1.message) = {kind: MESSAGE_KIND_REQUEST request_type: "x" action_oneof: "act"};
  string account = 1 [(payone.v1.field) = {gateway_only: true}];
}
)"),
              HasSubstr("action_oneof \"act\" is not a oneof of this REQUEST"));
  EXPECT_THAT(Fails(R"(
message P {
  option (payone.v1.message) = {kind: MESSAGE_KIND_PART};
  string x = 1 [(payone.v1.field) = {wire_name: "x"}];
}
message R {
  option (payone.v1.message) = {kind: MESSAGE_KIND_RESPONSE result_oneof: "result"};
  oneof result { P p = 1; }
}
)"),
              HasSubstr("field t.R.p: an alternative of a result_oneof is a "
                        "gateway_only field of a PART type"));
  int status = 0;
  const std::string output = Run(R"(
message P {
  option (payone.v1.message) = {kind: MESSAGE_KIND_PART};
  string x = 1 [(payone.v1.field) = {wire_name: "add_paydata[x]"}];
}
message R {
  option (payone.v1.message) = {kind: MESSAGE_KIND_RESPONSE result_oneof: "result"};
  map<string, string> add_paydata = 1 [(payone.v1.field) = {wire_name: "add_paydata"}];
  oneof result { P p = 7 [(payone.v1.field) = {gateway_only: true}]; }
}
)",
                                 &status);
  EXPECT_EQ(status, 0) << output;
  std::ifstream header(dir_ / "out/bad.payone.h");
  const std::string text((std::istreambuf_iterator<char>(header)),
                         std::istreambuf_iterator<char>());
  EXPECT_THAT(text, HasSubstr("static absl::Status DecodeResult(int number"));
  EXPECT_THAT(text, HasSubstr("case 7:"));
  EXPECT_THAT(text, HasSubstr("m->mutable_add_paydata()"));
}

TEST_F(GeneratorTest, RejectsEnumsWithoutWireValues) {
  EXPECT_THAT(Fails(R"(
enum E { E_UNSPECIFIED = 0; E_A = 1 [(payone.v1.enum_value).wire_value = "a"]; E_B = 2; }
message M {
  option (payone.v1.message) = {kind: MESSAGE_KIND_PART};
  E e = 1 [(payone.v1.field) = {wire_name: "e"}];
}
)"),
              HasSubstr("bad.proto: field t.M.e: enum value t.E_B has no "
                        "(payone.v1.enum_value).wire_value"));
}

TEST_F(GeneratorTest, RejectsShapesTheCodecCannotCarry) {
  EXPECT_THAT(Fails(R"(
message Plain { string y = 1; }
message M {
  option (payone.v1.message) = {kind: MESSAGE_KIND_PART};
  Plain p = 1;
}
)"),
              HasSubstr("bad.proto: field t.M.p: message type t.Plain is not "
                        "a MESSAGE_KIND_PART"));
  EXPECT_THAT(Fails(R"(
message M {
  option (payone.v1.message) = {kind: MESSAGE_KIND_PART};
  repeated string x = 1 [(payone.v1.field) = {wire_name: "x"}];
}
)"),
              HasSubstr("field t.M.x: repeated fields must be indexed PART"));
  EXPECT_THAT(Fails(R"(
message M {
  option (payone.v1.message) = {kind: MESSAGE_KIND_PART};
  string x = 1;
}
)"),
              HasSubstr("field t.M.x: has no wire_name"));
  EXPECT_THAT(Fails(R"(
message M {
  option (payone.v1.message) = {kind: MESSAGE_KIND_REQUEST};
}
)"),
              HasSubstr("bad.proto: message t.M: a REQUEST needs a "
                        "request_type"));
  EXPECT_THAT(Fails(R"(
message M {
  option (payone.v1.message) = {kind: MESSAGE_KIND_PART};
  string x = 1 [(payone.v1.field) = {wire_name: "a&b"}];
}
)"),
              HasSubstr("wire_name \"a&b\" contains a character"));
}

TEST_F(GeneratorTest, RejectsRulesThatNameNoField) {
  EXPECT_THAT(Fails(R"(
message M {
  option (payone.v1.message) = {
    kind: MESSAGE_KIND_PART
    rules: {require_one_of: ["x", "nope"]}
  };
  string x = 1 [(payone.v1.field) = {wire_name: "x"}];
}
)"),
              HasSubstr("bad.proto: message t.M: require_one_of names "
                        "\"nope\", which is not a field"));
  EXPECT_THAT(Fails(R"(
enum E { E_UNSPECIFIED = 0; E_A = 1 [(payone.v1.enum_value).wire_value = "a"]; }
message M {
  option (payone.v1.message) = {
    kind: MESSAGE_KIND_PART
    rules: {require: ["x"] when_field: "e" when_values: ["z"]}
  };
  string x = 1 [(payone.v1.field) = {wire_name: "x"}];
  E e = 2 [(payone.v1.field) = {wire_name: "e"}];
}
)"),
              HasSubstr("bad.proto: message t.M: when_values \"z\" is no wire "
                        "value of t.E"));
}

// Every when_value is read in the model, as its field reads it, whether or
// not a codec is generated from the rule.
TEST_F(GeneratorTest, RejectsWhenValuesTheFieldCannotHold) {
  EXPECT_THAT(Fails(R"(
message M {
  option (payone.v1.message) = {
    kind: MESSAGE_KIND_PART
    rules: {require: ["x"] when_field: "n" when_values: ["ten"]}
  };
  string x = 1 [(payone.v1.field) = {wire_name: "x"}];
  int32 n = 2 [(payone.v1.field) = {wire_name: "n"}];
}
)"),
              HasSubstr("bad.proto: message t.M: when_values \"ten\" is not a "
                        "number for n"));
  EXPECT_THAT(Fails(std::string(kPart) + R"(
message M {
  option (payone.v1.message) = {
    kind: MESSAGE_KIND_PART
    rules: {require: ["x"] when_field: "part" when_values: ["a"]}
  };
  string x = 1 [(payone.v1.field) = {wire_name: "x"}];
  Part part = 2;
}
)"),
              HasSubstr("bad.proto: message t.M: when_field part cannot be "
                        "compared with values"));
}

// The model links a part field to its PART's model: a PART inside itself
// would flatten forever.
TEST_F(GeneratorTest, RejectsAPartThatContainsItself) {
  EXPECT_THAT(
      Fails(R"(
message P {
  option (payone.v1.message) = {kind: MESSAGE_KIND_PART};
  string x = 1 [(payone.v1.field) = {wire_name: "x"}];
  P inner = 2;
}
)"),
      HasSubstr("bad.proto: message t.P: a PART cannot contain itself"));
}

// holder_rules: declared once on a PART, checked in every message holding
// it, with paths resolved against that message.
constexpr char kSecured[] = R"(
message Secured {
  option (payone.v1.message) = {
    kind: MESSAGE_KIND_PART
    constants: {key: "clearingtype" value: "fnc"}
    holder_rules: {require: ["lastname"] description: "needs the name"}
  };
  string token = 1 [(payone.v1.field) = {wire_name: "token"}];
}
)";

TEST_F(GeneratorTest, AppliesHolderRulesInEveryHolder) {
  int status = 0;
  const std::string output = Run(std::string(kSecured) + R"(
message R {
  option (payone.v1.message) = {kind: MESSAGE_KIND_REQUEST request_type: "x"};
  string account = 1 [(payone.v1.field) = {gateway_only: true}];
  string lastname = 2 [(payone.v1.field) = {wire_name: "lastname"}];
  Secured secured = 3;
}
)",
                                 &status);
  ASSERT_EQ(status, 0) << output;
  std::ifstream in(dir_ / "out/bad.payone.cc");
  const std::string code((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  EXPECT_THAT(code, HasSubstr("  if ((m.has_secured())) {\n"
                              "    if (!(!m.lastname().empty())) {\n"
                              "      internal::AddViolation({path, "
                              "\"lastname\", \"lastname\", wire_index}, "
                              "\"needs the name\", out);"));
}

TEST_F(GeneratorTest, RejectsHolderRulesTheHolderCannotMeet) {
  EXPECT_THAT(Fails(std::string(kSecured) + R"(
message R {
  option (payone.v1.message) = {kind: MESSAGE_KIND_REQUEST request_type: "x"};
  string account = 1 [(payone.v1.field) = {gateway_only: true}];
  Secured secured = 2;
}
)"),
              HasSubstr("bad.proto: message t.R: require names \"lastname\", "
                        "which is not a field (holder_rules of t.Secured)"));
  EXPECT_THAT(Fails(R"(
message P {
  option (payone.v1.message) = {
    kind: MESSAGE_KIND_PART
    holder_rules: {require: ["x"] when_field: "x"}
  };
  string x = 1 [(payone.v1.field) = {wire_name: "x"}];
}
message R {
  option (payone.v1.message) = {kind: MESSAGE_KIND_REQUEST request_type: "x"};
  string account = 1 [(payone.v1.field) = {gateway_only: true}];
  P p = 2;
}
)"),
              HasSubstr("bad.proto: message t.P: a holder_rules rule has "
                        "require (and description) only"));
  EXPECT_THAT(Fails(R"(
message R {
  option (payone.v1.message) = {
    kind: MESSAGE_KIND_REQUEST request_type: "x"
    holder_rules: {require: ["account"]}
  };
  string account = 1 [(payone.v1.field) = {gateway_only: true}];
}
)"),
              HasSubstr("bad.proto: message t.R: holder_rules are only valid "
                        "on a PART"));
}

// A follow-up request with every ledger tag; tests break one thing in it.
constexpr char kCaptureMode[] = R"(
enum Mode { MODE_UNSPECIFIED = 0; MODE_DONE = 1 [(payone.v1.enum_value).wire_value = "completed"]; }
)";

std::string FollowUp(const std::string& effect, const std::string& fields) {
  return absl::StrCat(kCaptureMode, R"(
message C {
  option (payone.v1.message) = {kind: MESSAGE_KIND_REQUEST request_type: "capture" )",
                      effect, R"(};
  string account = 1 [(payone.v1.field) = {gateway_only: true}];
)",
                      fields, "}\n");
}

constexpr char kTxid[] =
    "  string txid = 2 [(payone.v1.field) = {wire_name: \"txid\", ledger: "
    "LEDGER_FIELD_TXID}];\n";
constexpr char kAmount[] =
    "  optional int64 amount = 3 [(payone.v1.field) = {wire_name: \"amount\", "
    "ledger: LEDGER_FIELD_AMOUNT}];\n";
constexpr char kSequenceNumber[] =
    "  optional int32 sequencenumber = 4 [(payone.v1.field) = {wire_name: "
    "\"sequencenumber\", ledger: LEDGER_FIELD_SEQUENCENUMBER}];\n";
constexpr char kCapture[] = "ledger_effect: LEDGER_EFFECT_CAPTURE";

TEST_F(GeneratorTest, AcceptsLedgerTagsOfTheRightTypes) {
  int status = 0;
  const std::string output =
      Run(FollowUp(kCapture,
                   absl::StrCat(kTxid, kAmount, kSequenceNumber,
                                "  string currency = 5 [(payone.v1.field) = "
                                "{wire_name: \"currency\", ledger: "
                                "LEDGER_FIELD_CURRENCY}];\n"
                                "  Mode capturemode = 6 [(payone.v1.field) = "
                                "{wire_name: \"capturemode\", ledger: "
                                "LEDGER_FIELD_CAPTUREMODE}];\n")),
          &status);
  EXPECT_EQ(status, 0) << output;
}

TEST_F(GeneratorTest, RejectsLedgerOptionsOutsideRequests) {
  EXPECT_THAT(Fails(R"(
message M {
  option (payone.v1.message) = {kind: MESSAGE_KIND_RESPONSE ledger_effect: LEDGER_EFFECT_CAPTURE};
}
)"),
              HasSubstr("bad.proto: message t.M: ledger_effect is only valid "
                        "on a REQUEST"));
  EXPECT_THAT(Fails(R"(
message M {
  option (payone.v1.message) = {kind: MESSAGE_KIND_PART};
  string txid = 1 [(payone.v1.field) = {wire_name: "txid", ledger: LEDGER_FIELD_TXID}];
}
)"),
              HasSubstr("bad.proto: field t.M.txid: ledger LEDGER_FIELD_TXID "
                        "is only valid on a field of a REQUEST"));
  // Unannotated messages get no codec: their options would be lost.
  EXPECT_THAT(Fails(R"(
message M {
  string txid = 1 [(payone.v1.field) = {ledger: LEDGER_FIELD_TXID}];
}
)"),
              HasSubstr("bad.proto: field t.M.txid: ledger LEDGER_FIELD_TXID "
                        "is only valid on a field of a REQUEST"));
}

TEST_F(GeneratorTest, RejectsLedgerTagsOnTheWrongType) {
  EXPECT_THAT(
      Fails(FollowUp(kCapture,
                     absl::StrCat("  int64 txid = 2 [(payone.v1.field) = "
                                  "{wire_name: \"txid\", ledger: "
                                  "LEDGER_FIELD_TXID}];\n",
                                  kAmount, kSequenceNumber))),
      HasSubstr("bad.proto: field t.C.txid: ledger LEDGER_FIELD_TXID needs a "
                "field of type string, not int64"));
  EXPECT_THAT(
      Fails(FollowUp(kCapture, absl::StrCat(kTxid,
                                            "  optional int32 amount = 3 "
                                            "[(payone.v1.field) = {wire_name: "
                                            "\"amount\", ledger: "
                                            "LEDGER_FIELD_AMOUNT}];\n",
                                            kSequenceNumber))),
      HasSubstr("bad.proto: field t.C.amount: ledger LEDGER_FIELD_AMOUNT "
                "needs a field of type int64, not int32"));
  // Without presence the ledger could not tell 0 from "fill it in".
  EXPECT_THAT(
      Fails(
          FollowUp(kCapture, absl::StrCat(kTxid, kAmount,
                                          "  int32 sequencenumber = 4 "
                                          "[(payone.v1.field) = {wire_name: "
                                          "\"sequencenumber\", ledger: "
                                          "LEDGER_FIELD_SEQUENCENUMBER}];\n"))),
      HasSubstr("bad.proto: field t.C.sequencenumber: ledger "
                "LEDGER_FIELD_SEQUENCENUMBER needs a field of type optional "
                "int32, not int32"));
  EXPECT_THAT(
      Fails(FollowUp(kCapture, absl::StrCat(kTxid, kAmount, kSequenceNumber,
                                            "  string capturemode = 5 "
                                            "[(payone.v1.field) = {wire_name: "
                                            "\"capturemode\", ledger: "
                                            "LEDGER_FIELD_CAPTUREMODE}];\n"))),
      HasSubstr("bad.proto: field t.C.capturemode: ledger "
                "LEDGER_FIELD_CAPTUREMODE needs a field of type enum, not "
                "string"));
  EXPECT_THAT(
      Fails(FollowUp(kCapture,
                     absl::StrCat(kTxid, kAmount, kSequenceNumber,
                                  "  Mode currency = 5 [(payone.v1.field) = "
                                  "{wire_name: \"currency\", ledger: "
                                  "LEDGER_FIELD_CURRENCY}];\n"))),
      HasSubstr("bad.proto: field t.C.currency: ledger LEDGER_FIELD_CURRENCY "
                "needs a field of type string, not enum"));
}

TEST_F(GeneratorTest, RejectsALedgerTagTwiceInOneMessage) {
  EXPECT_THAT(
      Fails(FollowUp(kCapture, absl::StrCat(kTxid, kAmount, kSequenceNumber,
                                            "  string other_txid = 5 "
                                            "[(payone.v1.field) = {wire_name: "
                                            "\"other\", ledger: "
                                            "LEDGER_FIELD_TXID}];\n"))),
      HasSubstr("bad.proto: field t.C.other_txid: ledger LEDGER_FIELD_TXID "
                "is already on field txid"));
}

TEST_F(GeneratorTest, RejectsAnEffectWithoutItsFields) {
  // A renamed or untagged sequencenumber must not silently leave the ledger.
  EXPECT_THAT(Fails(FollowUp(kCapture, absl::StrCat(kTxid, kAmount))),
              HasSubstr("bad.proto: message t.C: ledger_effect "
                        "LEDGER_EFFECT_CAPTURE needs a field tagged ledger: "
                        "LEDGER_FIELD_SEQUENCENUMBER"));
  EXPECT_THAT(Fails(FollowUp("ledger_effect: LEDGER_EFFECT_RESERVE", kAmount)),
              HasSubstr("bad.proto: message t.C: ledger_effect "
                        "LEDGER_EFFECT_RESERVE needs a field tagged ledger: "
                        "LEDGER_FIELD_REFERENCE"));
}

TEST_F(GeneratorTest, RejectsALedgerTagOnARequestWithoutEffect) {
  EXPECT_THAT(Fails(FollowUp("", kTxid)),
              HasSubstr("bad.proto: field t.C.txid: ledger LEDGER_FIELD_TXID "
                        "on a message without ledger_effect"));
}

}  // namespace
}  // namespace payone::codec::generator
