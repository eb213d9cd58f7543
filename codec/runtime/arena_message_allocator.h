#ifndef PAYONE_CODEC_RUNTIME_ARENA_MESSAGE_ALLOCATOR_H_
#define PAYONE_CODEC_RUNTIME_ARENA_MESSAGE_ALLOCATOR_H_

// A gRPC callback handler's request and response in one protobuf Arena per
// call. gRPC's default holder keeps the two messages in its call arena, but
// their strings, maps and repeated submessages are each a heap allocation,
// freed one by one when the call ends. On an Arena whose first block comes
// with the holder, small messages cost one allocation and one free.

#include <cstddef>

#include "google/protobuf/arena.h"
#include "grpcpp/support/message_allocator.h"

namespace payone::codec {

template <typename Req, typename Resp>
class ArenaMessageAllocator final : public grpc::MessageAllocator<Req, Resp> {
 public:
  grpc::MessageHolder<Req, Resp>* AllocateMessages() override {
    return new Holder;
  }

 private:
  // Allocated with the holder; messages that outgrow it take further
  // blocks from the heap.
  static constexpr size_t kInitialBlockBytes = 4096;

  class Holder final : public grpc::MessageHolder<Req, Resp> {
   public:
    Holder() : arena_(Options(initial_block_)) {
      this->set_request(google::protobuf::Arena::CreateMessage<Req>(&arena_));
      this->set_response(google::protobuf::Arena::CreateMessage<Resp>(&arena_));
    }
    void Release() override { delete this; }

   private:
    static google::protobuf::ArenaOptions Options(char* block) {
      google::protobuf::ArenaOptions options;
      options.initial_block = block;
      options.initial_block_size = kInitialBlockBytes;
      return options;
    }

    // Declared before arena_, which uses it until it is destroyed.
    alignas(std::max_align_t) char initial_block_[kInitialBlockBytes];
    google::protobuf::Arena arena_;
  };
};

}  // namespace payone::codec

#endif  // PAYONE_CODEC_RUNTIME_ARENA_MESSAGE_ALLOCATOR_H_
