#include "service/gateway/card_data_policy.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "payone/v1/options.pb.h"

namespace payone::service {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

bool IsRawCardData(const FieldDescriptor& field) {
  if (!field.options().HasExtension(payone::v1::field)) return false;
  const std::string& wire_name =
      field.options().GetExtension(payone::v1::field).wire_name();
  return wire_name == "cardpan" || wire_name == "cardcvc2";
}

void Walk(const Message& message, const std::string& prefix,
          absl::string_view account, codec::Violations* violations) {
  const google::protobuf::Reflection* reflection = message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const FieldDescriptor* field : fields) {
    const std::string path = absl::StrCat(prefix, field->name());
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (field->is_repeated()) {
        for (int i = 0; i < reflection->FieldSize(message, field); ++i) {
          Walk(reflection->GetRepeatedMessage(message, field, i),
               absl::StrCat(path, "[", i, "]."), account, violations);
        }
      } else {
        Walk(reflection->GetMessage(message, field), absl::StrCat(path, "."),
             account, violations);
      }
      continue;
    }
    if (!IsRawCardData(*field)) continue;
    violations->Add(
        path, field->options().GetExtension(payone::v1::field).wire_name(),
        absl::StrCat(
            "account '", account,
            "' accepts pseudo card numbers only (card_data: "
            "PSEUDO_CARD_PAN_ONLY, for PCI DSS SAQ A): card numbers and "
            "CVCs must not reach the shop's servers. Take the card in "
            "PAYONE's hosted iFrame (PayoneClientApi.PrepareCreditCardCheck) "
            "and pay with the pseudocardpan it answers"));
  }
}

}  // namespace

void CheckPseudoCardPanOnly(const Message& request, absl::string_view account,
                            codec::Violations* violations) {
  Walk(request, "", account, violations);
}

}  // namespace payone::service
