#include "codec/runtime/generated.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace payone::codec::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(WireNameTest, SplitsStemsIndexesAndKeys) {
  WireName w = ParseWireName("pr[12]");
  EXPECT_EQ(w.stem, "pr");
  EXPECT_EQ(w.index, 12);
  w = ParseWireName("add_paydata[device_token]");
  EXPECT_EQ(w.stem, "add_paydata");
  EXPECT_EQ(w.key, "device_token");
  EXPECT_EQ(w.index, 0);
  w = ParseWireName("txid");
  EXPECT_EQ(w.stem, "txid");
  EXPECT_TRUE(w.key.empty());
  // Not indexes: zero, too long, unterminated, no stem.
  EXPECT_EQ(ParseWireName("it[0]").index, 0);
  EXPECT_EQ(ParseWireName("it[9999999]").index, 0);
  EXPECT_EQ(ParseWireName("it[1").stem, "it[1");
  EXPECT_EQ(ParseWireName("[1]").stem, "[1]");
  EXPECT_EQ(ParseWireName("").stem, "");
  EXPECT_EQ(ParseWireName("]").stem, "]");
  w = ParseWireName("a[]");
  EXPECT_EQ(w.stem, "a");
  EXPECT_EQ(w.key, "");
}

TEST(PathTest, RendersProtoPathsAndWireNames) {
  const FieldPath items{nullptr, "items", 2};
  const FieldPath card{nullptr, "card", -1};
  const FieldPath nested{&card, "holder", -1};
  EXPECT_EQ(RenderPath(&items, "price"), "items[2].price");
  EXPECT_EQ(RenderPath(&nested, "name"), "card.holder.name");
  EXPECT_EQ(RenderPath(nullptr, "amount"), "amount");
  EXPECT_EQ(RenderWireName("pr", 3), "pr[3]");
  EXPECT_EQ(RenderWireName("amount", 0), "amount");
}

std::vector<std::string> TextViolations(absl::string_view value,
                                        const TextRules& rules,
                                        Charset charset = Charset::kUtf8) {
  Violations out;
  EncodeOptions options;
  options.charset = charset;
  CheckText(value, rules, options, nullptr, 0, &out);
  std::vector<std::string> descriptions;
  for (const auto& v : out.list()) descriptions.push_back(v.description);
  return descriptions;
}

TEST(CheckTextTest, ListsEveryProblemOfAValue) {
  TextRules rules;
  rules.min_len = 3;
  rules.symbols = Symbols::kDigits;
  rules.format = TextFormat::kPan;
  EXPECT_THAT(
      TextViolations("1a", rules),
      ElementsAre("must be at least 3 characters long",
                  "may only contain the characters 0-9", HasSubstr("Luhn")));
  EXPECT_THAT(TextViolations("4111111111111111", rules), IsEmpty());
  rules.required = true;
  EXPECT_THAT(TextViolations("", rules), ElementsAre("is required"));
}

TEST(CheckTextTest, CountsCharactersAndChecksTheCharset) {
  TextRules rules;
  rules.max_len = 6;
  EXPECT_THAT(TextViolations("Müller", rules), IsEmpty());
  EXPECT_THAT(TextViolations("Müller", rules, Charset::kLatin1), IsEmpty());
  EXPECT_THAT(TextViolations("€", rules, Charset::kLatin1),
              ElementsAre(HasSubstr("ISO-8859-1")));
  EXPECT_THAT(TextViolations("\xC3", rules), ElementsAre("is not valid UTF-8"));
}

TEST(CheckTextTest, ChecksCaseRulesOnTheSentForm) {
  TextRules rules;
  rules.format = TextFormat::kIban;
  EXPECT_THAT(TextViolations("de89370400440532013000", rules),
              ElementsAre(HasSubstr("IBAN")));
  rules.text_case = Case::kUpper;
  EXPECT_THAT(TextViolations("de89370400440532013000", rules), IsEmpty());
}

TEST(CheckIntegerTest, BoundsAndDigits) {
  IntegerRules rules;
  rules.has_min = true;
  rules.min_value = 1;
  rules.max_digits = 3;
  rules.field = "no";
  rules.wire_name = "no";
  Violations out;
  CheckInteger(0, rules, nullptr, 2, &out);
  CheckInteger(5, rules, nullptr, 2, &out);
  CheckInteger(1000, rules, nullptr, 2, &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out.list()[0].description, "must be at least 1");
  EXPECT_EQ(out.list()[0].wire_name, "no[2]");
  EXPECT_EQ(out.list()[1].description, "must have at most 3 digits");
}

TEST(CheckTextTest, TheInlinePassAgreesWithTheFullCheck) {
  // Every format, symbol set and case rule against values that pass and
  // fail each of them: CheckText's inline verdict (PassesTextRules) must
  // never let through what CheckTextFully reports.
  const std::vector<std::string> values = {
      "a",
      "ab",
      "AB",
      "aB1",
      "abc",
      "ABC",
      "Ab_",
      "1234",
      "12a4",
      "0123456789",
      "20240229",
      "20230229",
      "18000101",
      "2412",
      "2413",
      "https://x.de/p",
      "ftp:/x",
      "https://",
      "x@y.de",
      "x@y",
      "@y.de",
      "x@.de",
      "x@y..de",
      "x y@z.de",
      "DE89370400440532013000",
      "de89370400440532013000",
      "DE89370400440532013001",
      "DEUTDEFF",
      "deutdeff",
      "DEUTDEFF500",
      "4111111111111111",
      "4111111111111112",
      "411111111111",
      "172.19.0.34",
      "172.19.0.256",
      "01.2.3.4",
      "1.2.3",
      "1.2.3.4.",
      "::1",
      "fe80::1",
      "ab/c",
      "a.b-c_d",
      "a b",
      "deadbeef",
      "DEADBEEF",
      "Müller",
      "\xC3",
      std::string(300, 'x'),
      "ü",
      "üü",
      "Größe",
      "€",
      "a€b",
      "\xC3\xBC\xC3",
      "\xFC",
      "\xE2\x82",
      std::string(128, 'x') + "ü" + std::string(126, 'y'),
      std::string(127, 'x') + "ü" + std::string(127, 'y')};
  const TextFormat formats[] = {
      TextFormat::kChar,     TextFormat::kNumeric,  TextFormat::kDateYyyymmdd,
      TextFormat::kDateYymm, TextFormat::kUnixTime, TextFormat::kUrl,
      TextFormat::kEmail,    TextFormat::kIban,     TextFormat::kBic,
      TextFormat::kCountry,  TextFormat::kCurrency, TextFormat::kLanguage,
      TextFormat::kPan,      TextFormat::kIp};
  const Symbols symbol_sets[] = {Symbols::kAny, Symbols::kReference,
                                 Symbols::kAlphanumeric, Symbols::kDigits,
                                 Symbols::kHex};
  const Case cases[] = {Case::kAsIs, Case::kUpper, Case::kLower};
  const std::pair<uint32_t, uint32_t> bounds[] = {{0, 0}, {2, 3}, {3, 255}};
  int passed = 0;
  for (const TextFormat format : formats) {
    for (const Symbols symbols : symbol_sets) {
      for (const Case text_case : cases) {
        for (const auto& [min_len, max_len] : bounds) {
          TextRules rules;
          rules.format = format;
          rules.symbols = symbols;
          rules.text_case = text_case;
          rules.min_len = min_len;
          rules.max_len = max_len;
          for (const Charset charset : {Charset::kUtf8, Charset::kLatin1}) {
            EncodeOptions options;
            options.charset = charset;
            for (const std::string& value : values) {
              Violations full;
              CheckTextFully(value, rules, options, {nullptr, "f", "w", 0},
                             &full);
              if (PassesTextRules(value, rules, options)) {
                ++passed;
                EXPECT_EQ(full.size(), 0u)
                    << "\"" << value << "\" format " << static_cast<int>(format)
                    << " symbols " << static_cast<int>(symbols) << " case "
                    << static_cast<int>(text_case) << " bounds " << min_len
                    << ".." << max_len << " charset "
                    << static_cast<int>(charset);
              }
            }
          }
        }
      }
    }
  }
  // The inline pass settles most valid values (not a vacuous agreement).
  EXPECT_GT(passed, 1000);
}

TEST(CheckTest, InlinePassesLeaveNoViolationAndFailuresReportOne) {
  Violations out;
  constexpr IntegerRules kAmount{true, 0, true,     1999999999,
                                 0,    0, "amount", "amount"};
  CheckInteger(3499, kAmount, nullptr, 0, &out);
  CheckInteger(-1, kAmount, nullptr, 0, &out);
  constexpr IntegerRules kCount{true, 1, false, 0, 0, 0, "no", "no"};
  CheckUnsigned(0, kCount, nullptr, 3, &out);
  CheckUnsigned(7, kCount, nullptr, 3, &out);
  constexpr EnumRules kStatus{true, "status", "status"};
  CheckEnum(0, false, kStatus, nullptr, 0, &out);
  CheckEnum(1, true, kStatus, nullptr, 0, &out);
  CheckEnum(99, false, kStatus, nullptr, 0, &out);
  constexpr EnumRules kGender{false, "gender", "gender"};
  CheckEnum(0, false, kGender, nullptr, 0, &out);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out.list()[0].wire_name, "amount");
  EXPECT_EQ(out.list()[0].description, "must be at least 0");
  EXPECT_EQ(out.list()[1].wire_name, "no[3]");
  EXPECT_EQ(out.list()[2].description, "is required");
  EXPECT_EQ(out.list()[3].description, "has an unknown value 99");
}

TEST(EqualsIgnoringAsciiCaseTest, OnlyLettersFoldTheirCase) {
  EXPECT_TRUE(EqualsIgnoringAsciiCase("us", "US"));
  EXPECT_TRUE(EqualsIgnoringAsciiCase("Us", "uS"));
  EXPECT_FALSE(EqualsIgnoringAsciiCase("US", "USA"));
  EXPECT_FALSE(EqualsIgnoringAsciiCase("U@", "U`"));  // 0x40 vs 0x60
  EXPECT_FALSE(EqualsIgnoringAsciiCase("DE", "US"));
}

TEST(AddTextTest, ConvertsCaseAndCharset) {
  FormBuilder form;
  EncodeOptions latin1;
  latin1.charset = Charset::kLatin1;
  AddText({"&country=", "&country%5B"}, 0, "de", Case::kUpper, {}, &form);
  AddText({"&de=", "&de%5B"}, 2, "Grüße", Case::kAsIs, latin1, &form);
  // never half a value
  AddText({"&x=", "&x%5B"}, 0, "€", Case::kAsIs, latin1, &form);
  AddDecimal({"&price=", "&price%5B"}, 0, -1250, &form);
  AddUnknown("a b", "Grüße", latin1, &form);
  EXPECT_EQ(form.body(),
            "country=DE&de%5B2%5D=Gr%FC%DFe&price=-12.50&a+b=Gr%FC%DFe");
}

TEST(ParseTest, NumbersAndBools) {
  int64_t v = 0;
  EXPECT_TRUE(ParseInteger("-42", "n", -100, 100, &v).ok());
  EXPECT_EQ(v, -42);
  EXPECT_FALSE(ParseInteger("+42", "n", -100, 100, &v).ok());
  EXPECT_FALSE(ParseInteger(" 42", "n", -100, 100, &v).ok());
  EXPECT_FALSE(ParseInteger("101", "n", -100, 100, &v).ok());
  uint64_t u = 0;
  EXPECT_FALSE(ParseUnsigned("-1", "n", 10, &u).ok());
  bool b = false;
  EXPECT_TRUE(ParseBool("YES", "b", "yes", "no", &b).ok());
  EXPECT_TRUE(b);
  EXPECT_EQ(ParseBool("ja", "flag", "yes", "no", &b).message(),
            "parameter flag must be yes or no");
}

TEST(ResponseLinesTest, FormBodiesBecomeRawLines) {
  EXPECT_EQ(FormToResponseLines("status=REDIRECT&redirecturl=https%3A%2F%2Fx"
                                "%2F%3Fa%3D1%26b%3D2"),
            "status=REDIRECT\nredirecturl=https://x/?a=1&b=2\n");
}

TEST(NameIsTest, ComparesNamesOfTheLiteralsSize) {
  EXPECT_TRUE(NameIs(absl::string_view("status"), "status"));
  EXPECT_FALSE(NameIs(absl::string_view("statux"), "status"));
  EXPECT_TRUE(NameIs(absl::string_view("add_paydata[x]"), "add_paydata[x]"));
}

TEST(SortedEntriesTest, OrdersByKey) {
  const std::map<std::string, std::string> unordered_source = {{"b", "2"},
                                                               {"a", "1"}};
  std::vector<std::string> keys;
  for (const auto* e : SortedEntries(unordered_source))
    keys.push_back(e->first);
  EXPECT_THAT(keys, ElementsAre("a", "b"));
}

TEST(DebugPrinterTest, RedactsSensitiveValues) {
  DebugPrinter p;
  p.Text("lastname", "O\"Neil", false);
  p.Begin("card");
  p.Text("cardpan", "4111111111111111", true);
  p.Integer("cvc", 123, true);
  p.End();
  p.Enum("status", "STATUS_APPROVED", 1, false);
  p.Entry("add_paydata", "token", "secret", true);
  EXPECT_EQ(p.Release(),
            "lastname: \"O\\\"Neil\" card { cardpan: \"<redacted>\" cvc: "
            "\"<redacted>\" } status: STATUS_APPROVED add_paydata { key: "
            "\"token\" value: \"<redacted>\" }");
}

}  // namespace
}  // namespace payone::codec::internal
