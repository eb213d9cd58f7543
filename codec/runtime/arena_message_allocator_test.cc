#include "codec/runtime/arena_message_allocator.h"

#include <string>

#include "google/protobuf/struct.pb.h"
#include "gtest/gtest.h"

namespace payone::codec {
namespace {

using google::protobuf::Struct;
using google::protobuf::Value;

TEST(ArenaMessageAllocatorTest, PutsRequestAndResponseOnOneArena) {
  ArenaMessageAllocator<Struct, Value> allocator;
  grpc::MessageHolder<Struct, Value>* holder = allocator.AllocateMessages();
  ASSERT_NE(holder->request()->GetArena(), nullptr);
  EXPECT_EQ(holder->request()->GetArena(), holder->response()->GetArena());
  holder->Release();
}

TEST(ArenaMessageAllocatorTest, HoldsMessagesLargerThanItsFirstBlock) {
  ArenaMessageAllocator<Struct, Value> allocator;
  grpc::MessageHolder<Struct, Value>* holder = allocator.AllocateMessages();
  // Far past the first block: the arena takes more from the heap.
  const std::string text(1000, 'x');
  for (int i = 0; i < 100; ++i) {
    (*holder->request()->mutable_fields())[std::to_string(i)].set_string_value(
        text);
  }
  holder->response()->set_string_value(text);
  EXPECT_EQ(holder->request()->fields().size(), 100);
  EXPECT_EQ(holder->request()->fields().at("99").string_value(), text);
  EXPECT_EQ(holder->response()->string_value(), text);
  holder->Release();
}

TEST(ArenaMessageAllocatorTest, GivesEveryCallMessagesOfItsOwn) {
  ArenaMessageAllocator<Struct, Value> allocator;
  grpc::MessageHolder<Struct, Value>* first = allocator.AllocateMessages();
  grpc::MessageHolder<Struct, Value>* second = allocator.AllocateMessages();
  EXPECT_NE(first->request(), second->request());
  EXPECT_NE(first->request()->GetArena(), second->request()->GetArena());
  first->response()->set_number_value(1);
  EXPECT_EQ(second->response()->number_value(), 0);
  first->Release();
  second->Release();
}

}  // namespace
}  // namespace payone::codec
