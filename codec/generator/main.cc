// protoc-gen-payone: the codec generator, run by protoc
// (--plugin=protoc-gen-payone=... --payone_out=[services:]DIR).
#include "codec/generator/payone_generator.h"
#include "google/protobuf/compiler/plugin.h"

int main(int argc, char* argv[]) {
  payone::codec::generator::PayoneGenerator generator;
  return google::protobuf::compiler::PluginMain(argc, argv, &generator);
}
