#include "net/host_list.h"

#include <catch2/catch.hpp>

#include "ocf/failure_for_tests.h"

using hakit::net::Host;
using hakit::net::HostKind;
using hakit::net::parse_host_list;
using hakit::ocf::ExitCode;
using hakit::ocf::failure_of;

namespace {

/// The reason parse_host_list gives for `list`, checking that it is a configuration error.
std::string rejection(const std::string& list) {
  const auto failure = failure_of([&] { parse_host_list(list); });
  CHECK(failure.code == ExitCode::kErrConfigured);
  return failure.reason;
}

}  // namespace

TEST_CASE("host_list takes IPv4, IPv6 and names, split on spaces and commas", "[net][host_list]") {
  const auto hosts = parse_host_list(" 10.0.0.1\tgw.example.com,::1 fe80::1%lo  127.0.0.2\n");
  REQUIRE(hosts.size() == 5);
  CHECK(hosts[0] == Host{"10.0.0.1", HostKind::kIpv4});
  CHECK(hosts[1] == Host{"gw.example.com", HostKind::kName});
  CHECK(hosts[2] == Host{"::1", HostKind::kIpv6});
  CHECK(hosts[3] == Host{"fe80::1%lo", HostKind::kIpv6});
  CHECK(hosts[4] == Host{"127.0.0.2", HostKind::kIpv4});
}

TEST_CASE("host_list accepts the host names real zones have", "[net][host_list]") {
  for (const char* name : {"localhost", "gw", "router-1.lan", "a.b.c.", "_gateway", "3com.net",
                           "xn--bcher-kva.example"}) {
    INFO(name);
    const auto hosts = parse_host_list(name);
    REQUIRE(hosts.size() == 1);
    CHECK(hosts[0].kind == HostKind::kName);
  }
}

TEST_CASE("host_list keeps duplicates: each entry counts, as with ocf:pacemaker:ping",
          "[net][host_list]") {
  CHECK(parse_host_list("10.0.0.1 10.0.0.1").size() == 2);
}

TEST_CASE("bad host_list entries are configuration errors naming the entry", "[net][host_list]") {
  CHECK_THAT(rejection("10.0.0.256"), Catch::Contains("'10.0.0.256' is not a valid IPv4 address"));
  CHECK_THAT(rejection("10.1"), Catch::Contains("'10.1' is not a valid IPv4"));
  CHECK_THAT(rejection("167772161"), Catch::Contains("not a valid IPv4"));
  CHECK_THAT(rejection("1.2.3.4."), Catch::Contains("not a valid IPv4"));
  CHECK_THAT(rejection("fe80::zz"), Catch::Contains("'fe80::zz' is not a valid IPv6 address"));
  CHECK_THAT(rejection("1:2:3:4:5:6:7:8:9"), Catch::Contains("not a valid IPv6"));
  CHECK_THAT(rejection("[::1]"), Catch::Contains("not a valid IPv6"));
  CHECK_THAT(rejection("10.0.0.1 host$name"),
             Catch::Contains("'host$name' is not a valid host name"));
  CHECK_THAT(rejection("-leading"), Catch::Contains("not a valid host name"));
  CHECK_THAT(rejection("trailing-.example"), Catch::Contains("not a valid host name"));
  CHECK_THAT(rejection("a..b"), Catch::Contains("not a valid host name"));
  CHECK_THAT(rejection(".a"), Catch::Contains("not a valid host name"));
  CHECK_THAT(rejection(std::string(64, 'a') + ".example"), Catch::Contains("not a valid host"));
  CHECK_THAT(rejection("http://gw/"), Catch::Contains("not a valid"));
}

TEST_CASE("an empty host_list is a configuration error", "[net][host_list]") {
  CHECK_THAT(rejection(""), Catch::Contains("host_list is empty"));
  CHECK_THAT(rejection(" , \t"), Catch::Contains("host_list is empty"));
}
