#include "codec/generator/codec_header_generator.h"

#include "codec/generator/common.h"
#include "codec/generator/declaration_emitter.h"
#include "codec/generator/emitter.h"
#include "codec/generator/enum_emitter.h"
#include "codec/generator/names.h"

namespace payone::codec::generator {
namespace {

bool HasResultOneof(const FileModel& model) {
  for (const MessageModel* m : model.messages) {
    if (!m->rules.result_oneof().empty()) return true;
  }
  return false;
}

}  // namespace

std::string CodecHeaderGenerator::Generate() const {
  const std::string stem = ProtoStem(model_.file);
  const std::string guard = IncludeGuard(stem + ".payone.h");
  return PrintFile(model_.file->name(), [&](Printer* p) {
    p->Print(
        "#ifndef $guard$\n"
        "#define $guard$\n"
        "\n"
        "#include <cstdint>\n"
        "#include <string>\n"
        "\n"
        "#include \"absl/status/status.h\"\n"
        "#include \"absl/strings/string_view.h\"\n"
        "#include \"absl/types/span.h\"\n"
        "#include \"codec/runtime/codec.h\"\n"
        "#include \"codec/runtime/generated.h\"\n"
        "#include \"codec/runtime/ledger.h\"\n"
        "#include \"$stem$.pb.h\"\n",
        "guard", guard, "stem", stem);
    if (HasResultOneof(model_)) {
      p->Print("#include \"codec/runtime/result_part.h\"\n");
    }
    for (const auto* dep : model_.codec_imports) {
      p->Print("#include \"$stem$.payone.h\"\n", "stem", ProtoStem(dep));
    }
    p->Print("\nnamespace payone::codec {\n");
    for (const auto* e : model_.enums) EmitEnumDeclaration(e, p);
    for (const MessageModel* m : model_.messages) {
      DeclarationEmitter(*m, p).Emit();
    }
    p->Print(
        "\n"
        "}  // namespace payone::codec\n"
        "\n"
        "#endif  // $guard$\n",
        "guard", guard);
  });
}

}  // namespace payone::codec::generator
