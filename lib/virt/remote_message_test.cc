#include "virt/remote_message.h"

#include <libvirt/virterror.h>

#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "util/captures_for_tests.h"
#include "virt/domain.h"
#include "virt/xdr.h"

namespace hakit::virt {
namespace {

/// tests/captures/virt/libvirtd-9.0-monitor-replies.txt: name -> message after its length word.
std::map<std::string, std::string> captured_replies() {
  std::map<std::string, std::string> replies;
  std::istringstream lines(testing::capture("virt/libvirtd-9.0-monitor-replies.txt"));
  std::string name, hex;
  while (lines >> name) {
    if (name.starts_with('#')) {
      std::getline(lines, hex);
      continue;
    }
    lines >> hex;
    std::string bytes;
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
      bytes.push_back(char(std::stoi(hex.substr(i, 2), nullptr, 16)));
    REQUIRE(XdrReader(bytes).u32() == bytes.size());  // the length word counts itself
    replies[name] = bytes.substr(4);
  }
  return replies;
}

TEST_CASE("XDR: units are big-endian, strings carry their length and pad to 4 bytes",
          "[virt][rpc]") {
  XdrWriter writer;
  writer.u32(0x20008086);
  writer.i32(-1);
  writer.string("qemu");
  writer.string("vm1");
  writer.fixed_opaque("ab");
  CHECK(writer.bytes() == std::string("\x20\x00\x80\x86\xff\xff\xff\xff"
                                      "\0\0\0\x04qemu"
                                      "\0\0\0\x03vm1\0"
                                      "ab\0\0",
                                      28));
  XdrReader reader(writer.bytes());
  CHECK(reader.u32() == 0x20008086);
  CHECK(reader.i32() == -1);
  CHECK(reader.string(10) == "qemu");
  CHECK_THROWS_AS(XdrReader(writer.bytes().substr(8)).string(3), XdrError);  // over the limit
  CHECK(reader.string(10) == "vm1");
  CHECK(reader.fixed_opaque(2) == "ab");
  CHECK(reader.at_end());
  CHECK_THROWS_AS(reader.u32(), XdrError);
  CHECK_THROWS_AS(XdrReader(std::string("\0\0\0\x08"
                                        "abc",
                                        7))
                      .string(100),
                  XdrError);
}

TEST_CASE("libvirt RPC: a call is framed as libvirt's remote driver frames it", "[virt][rpc]") {
  // The monitor's first call as sent to libvirtd 9.0, which answered it (see the capture).
  XdrWriter open;
  open.u32(1);
  open.string("qemu:///system");
  open.u32(1);
  const std::string call = encode_call(RemoteProcedure::kConnectOpen, 1, open.bytes());
  CHECK(call.size() == 0x38);
  XdrReader header(call);
  CHECK(header.u32() == 0x38);
  CHECK(header.u32() == kRemoteProgram);
  CHECK(header.u32() == kRemoteProtocolVersion);
  CHECK(header.i32() == 1);  // REMOTE_PROC_CONNECT_OPEN
  CHECK(header.u32() == 0);  // a call
  CHECK(header.u32() == 1);  // serial
  CHECK(header.u32() == 0);  // status OK
  CHECK(call.substr(28) == open.bytes());
}

TEST_CASE("libvirt RPC: libvirtd 9.0's replies to the monitor's calls decode", "[virt][rpc]") {
  const auto replies = captured_replies();
  REQUIRE(replies.size() == 5);

  const RemoteMessage methods = decode_message(replies.at("auth-list"));
  CHECK(methods.answers(RemoteProcedure::kAuthList, 1));
  XdrReader list(methods.body);
  CHECK(list.u32() == 1);
  CHECK(list.i32() == 0);  // REMOTE_AUTH_NONE: polkit waived for root
  CHECK(list.at_end());

  const RemoteMessage opened = decode_message(replies.at("connect-open"));
  CHECK(opened.answers(RemoteProcedure::kConnectOpen, 1));
  CHECK_FALSE(opened.answers(RemoteProcedure::kConnectOpen, 2));
  CHECK_FALSE(opened.failed);
  CHECK(opened.body.empty());

  const RemoteMessage found = decode_message(replies.at("lookup-by-name"));
  CHECK(found.answers(RemoteProcedure::kDomainLookupByName, 2));
  XdrReader domain(found.body);
  CHECK(domain.string(kRemoteStringMax) == "hakit-rpc-vm");
  CHECK(domain.fixed_opaque(16).size() == 16);
  CHECK(domain.i32() > 0);  // a running domain has an id
  CHECK(domain.at_end());

  const RemoteMessage state = decode_message(replies.at("get-state"));
  CHECK(state.answers(RemoteProcedure::kDomainGetState, 3));
  XdrReader state_body(state.body);
  CHECK(domain_state(state_body.i32()) == DomainState::kRunning);
  CHECK(state_body.i32() == 1);  // reason: booted

  const RemoteMessage missing = decode_message(replies.at("lookup-by-name-no-domain"));
  CHECK(missing.answers(RemoteProcedure::kDomainLookupByName, 2));
  REQUIRE(missing.failed);
  const RemoteError error = decode_error(missing.body);
  CHECK(error.code == VIR_ERR_NO_DOMAIN);
  CHECK(error.message == "Domain not found: no domain with matching name 'nosuch-dom'");
}

TEST_CASE("libvirt RPC: a truncated or foreign message does not decode", "[virt][rpc]") {
  const auto replies = captured_replies();
  const std::string& found = replies.at("lookup-by-name");
  for (size_t size : {0, 3, 23}) CHECK_THROWS_AS(decode_message(found.substr(0, size)), XdrError);
  const RemoteMessage cut = decode_message(found.substr(0, 30));  // header whole, body cut
  CHECK_THROWS_AS(XdrReader(cut.body).string(kRemoteStringMax), XdrError);
  CHECK_THROWS_AS(
      decode_error(decode_message(replies.at("lookup-by-name-no-domain")).body.substr(0, 12)),
      XdrError);
  std::string other_program = found;
  other_program[0] = 0x11;
  CHECK_FALSE(decode_message(other_program).answers(RemoteProcedure::kDomainLookupByName, 2));
}

}  // namespace
}  // namespace hakit::virt
