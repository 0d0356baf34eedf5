#include "fence/snmp_options.h"

#include <catch2/catch.hpp>

#include "fence/error.h"
#include "metadata/fence_hakit_rackpdu.h"

using namespace hakit;
using namespace hakit::fence;
using namespace std::chrono_literals;

namespace {

snmp::SessionConfig config_from(const std::string& stdin_text) {
  const Options options = Options::from_stdin(metadata::fence_hakit_rackpdu, stdin_text);
  return snmp_session_config(options, exec::Deadline::in(10s));
}

std::string config_error(const std::string& stdin_text) {
  try {
    config_from(stdin_text);
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::kBadConfig);
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("the peer: a host with ipport, or the port in ip (pduip=host:port), IPv6 literals",
          "[fence][snmp]") {
  CHECK(snmp_peer("10.0.0.5", 161) == "udp:10.0.0.5:161");
  CHECK(snmp_peer("pdu1.example", 1161) == "udp:pdu1.example:1161");
  CHECK(snmp_peer("127.0.0.1:16161", 161) == "udp:127.0.0.1:16161");
  CHECK(snmp_peer("fe80::1", 161) == "udp6:[fe80::1]:161");
  CHECK(snmp_peer("[::1]:1161", 161) == "udp6:[::1]:1161");
  CHECK(snmp_peer("[::1]", 162) == "udp6:[::1]:162");
  CHECK_THROWS_AS(snmp_peer("10.0.0.5:http", 161), Error);
  CHECK_THROWS_AS(snmp_peer("10.0.0.5", 70000), Error);
  CHECK_THROWS_AS(snmp_peer("[::1", 161), Error);
  CHECK_THROWS_AS(snmp_peer("", 161), Error);
}

TEST_CASE("v1 with the community 'private' by default, as fence_apc_snmp", "[fence][snmp]") {
  const snmp::SessionConfig config = config_from("ip=10.0.0.5\n");
  CHECK(config.peer == "udp:10.0.0.5:161");
  CHECK(config.version == snmp::Version::kV1);
  CHECK(config.community == "private");
  CHECK(config.request_timeout == 8s);  // shell_timeout 3 + login_timeout 5
  CHECK(config_from("ip=h\nsnmp_version=2c\ncommunity=c\nshell_timeout=1\nlogin_timeout=0.5\n")
            .request_timeout == 1500ms);
}

TEST_CASE("v3: the security level follows the passwords given unless set", "[fence][snmp]") {
  const std::string v3 = "ip=h\nsnmp_version=3\nlogin=pdu\n";
  CHECK(config_from(v3).level == snmp::SecurityLevel::kNoAuthNoPriv);
  const snmp::SessionConfig auth = config_from(v3 + "passwd=authentic\n");
  CHECK(auth.level == snmp::SecurityLevel::kAuthNoPriv);
  CHECK(auth.username == "pdu");
  CHECK(auth.auth_password == "authentic");
  CHECK(auth.auth_protocol == snmp::AuthProtocol::kMd5);
  const snmp::SessionConfig priv =
      config_from(v3 +
                  "password=authentic\nsnmp_priv_passwd=private1\nsnmp_auth_prot=sha-256\n"
                  "snmp_priv_prot=AES\n");
  CHECK(priv.level == snmp::SecurityLevel::kAuthPriv);
  CHECK(priv.auth_protocol == snmp::AuthProtocol::kSha256);
  CHECK(priv.priv_protocol == snmp::PrivProtocol::kAes);
  CHECK(config_from(v3 + "password=authentic\nsnmp_priv_passwd=private1\n"
                         "snmp_sec_level=authNoPriv\n")
            .level == snmp::SecurityLevel::kAuthNoPriv);
}

TEST_CASE("a password script feeds the v3 password", "[fence][snmp]") {
  const snmp::SessionConfig config =
      config_from("ip=h\nsnmp_version=3\nusername=pdu\npassword_script=/bin/echo from-a-script\n");
  CHECK(config.auth_password == "from-a-script");
  CHECK(config.level == snmp::SecurityLevel::kAuthNoPriv);
}

TEST_CASE("bad SNMP settings name the option to fix", "[fence][snmp]") {
  CHECK(config_error("ip=h\nsnmp_version=2\n").starts_with("snmp_version must be one of 1, 2c, 3"));
  CHECK(config_error("ip=h\nsnmp_version=3\n") == "SNMP v3 needs 'username'");
  CHECK(config_error("ip=h\nsnmp_version=3\nusername=u\nsnmp_sec_level=authPriv\npassword=p\n") ==
        "SNMP v3 with privacy needs 'snmp_priv_passwd'");
  CHECK(config_error("ip=h\nsnmp_version=3\nusername=u\nsnmp_sec_level=authNoPriv\n") ==
        "SNMP v3 with authentication needs 'password'");
  CHECK(config_error("ip=h\nsnmp_version=3\nusername=u\nsnmp_auth_prot=SHA1\npassword=p\n")
            .starts_with("snmp_auth_prot must be one of MD5, SHA, SHA-224"));
  CHECK(config_error("ip=h\nipport=x\n").find("ipport") != std::string::npos);
  CHECK(config_error("ip=h\nshell_timeout=0\nlogin_timeout=0\n").find("shell_timeout") !=
        std::string::npos);
}
