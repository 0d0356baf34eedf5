#include "fence/meatware_protocol.h"

#include <catch2/catch.hpp>

#include "fence/error.h"

using namespace hakit::fence;

TEST_CASE("the meatware FIFO is named as cluster-glue's meatclient names it", "[fence][meatware]") {
  CHECK(meatware_fifo_path("Node1") == "/run/meatware.node1");
  CHECK(meatware_fifo_path("node1", "/tmp/x") == "/tmp/x/meatware.node1");
  for (const char* bad : {"", ".", "..", "../etc/passwd", "a/b"}) {
    CHECK_THROWS_AS(meatware_fifo_path(bad), Error);
  }
}

TEST_CASE("the reply is 256 bytes, NUL-padded, and confirms only its node", "[fence][meatware]") {
  const std::string reply = meatware_reply("Node1");
  CHECK(reply.size() == kMeatwareMessageSize);
  CHECK(reply.starts_with(std::string("meatware reply node1") + '\0'));
  CHECK(confirms(reply, "node1"));
  CHECK(confirms(reply, "NODE1"));
  CHECK(confirms("meatware reply node1", "node1"));
  CHECK_FALSE(confirms(reply, "node10"));
  CHECK_FALSE(confirms(meatware_reply("node10"), "node1"));
  CHECK_FALSE(confirms("meatware node1", "node1"));
  CHECK_FALSE(confirms("", "node1"));
}
