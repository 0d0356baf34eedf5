#include "fence/ipmi_config.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "fence/error.h"
#include "metadata/fence_hakit_ipmi.h"
#include "util/scratch_dir_for_tests.h"

using namespace hakit::fence;
using hakit::exec::Deadline;
using hakit::exec::Millis;

namespace {

IpmiConfig config_of(const std::string& stdin_text) {
  const Options options = Options::from_stdin(hakit::metadata::fence_hakit_ipmi, stdin_text);
  return IpmiConfig::from(options, Deadline::in(std::chrono::seconds(10)));
}

/// The kBadConfig message config_of() throws, or "no error".
std::string config_error(const std::string& stdin_text) {
  try {
    config_of(stdin_text);
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::kBadConfig);
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE(
    "IPMI defaults: IPMI 1.5 with md5 as administrator on port 623, 5 s login, 3 s "
    "commands",
    "[fence][ipmi]") {
  const IpmiConfig config = config_of("ip=10.0.0.9\nusername=admin\npassword=secret\n");
  CHECK(config.address == "10.0.0.9");
  CHECK(config.port == 623);
  CHECK_FALSE(config.lanplus);
  CHECK(config.auth == IpmiAuth::kMd5);
  CHECK(config.privilege == IpmiPrivilege::kAdministrator);
  CHECK(config.username == "admin");
  CHECK(config.password == "secret");
  CHECK(config.bmc_key.empty());
  CHECK(config.login_timeout == Millis(5000));
  CHECK(config.command_timeout == Millis(3000));
  CHECK(config.describe() == "10.0.0.9:623 lan user admin");
}

TEST_CASE("lanplus, by fence_ipmilan's flag or external/ipmi's interface, uses cipher suite 3",
          "[fence][ipmi]") {
  for (const std::string choice : {"lanplus=1", "interface=lanplus", "interface=LANPLUS"}) {
    const IpmiConfig config = config_of("ip=bmc1\nipport=16230\n" + choice + "\n");
    CHECK(config.lanplus);
    CHECK(config.cipher == 3);
    CHECK(config.suite.authentication == 1);
    CHECK(config.suite.integrity == 1);
    CHECK(config.suite.confidentiality == 1);
    CHECK(config.describe() == "bmc1:16230 lanplus cipher 3 anonymous");
  }
  CHECK_FALSE(config_of("ip=bmc1\ninterface=lan\n").lanplus);
  CHECK(config_error("ip=bmc1\ninterface=lan\nlanplus=1\n") ==
        "lanplus=1 contradicts interface=lan");
  CHECK(config_error("ip=bmc1\ninterface=lanplus -C 3\n") ==
        "interface must be lan or lanplus, not 'lanplus -c 3'");
}

TEST_CASE("only the cipher suites OpenIPMI implements are accepted, and only for lanplus",
          "[fence][ipmi]") {
  CHECK(cipher_suite(0)->authentication == 0);
  CHECK(cipher_suite(12)->authentication == 2);
  CHECK(cipher_suite(12)->integrity == 3);
  CHECK(cipher_suite(12)->confidentiality == 1);
  for (const int unsupported : {4, 5, 9, 10, 13, 14, 15, 17, 19, -1}) {
    CHECK_FALSE(cipher_suite(unsupported));
  }
  CHECK(config_of("ip=bmc1\nlanplus=1\ncipher=8\n").suite.authentication == 2);
  CHECK(config_error("ip=bmc1\nlanplus=1\ncipher=17\n") ==
        "cipher suite 17 is not implemented by OpenIPMI: use 3 (or 0-3, 6-8, 11, 12)");
  CHECK(config_error("ip=bmc1\nlanplus=1\ncipher=three\n").find("cipher") != std::string::npos);
  CHECK_FALSE(config_of("ip=bmc1\ncipher=17\n").lanplus);
}

TEST_CASE("privilege levels: fence_ipmilan's names and ipmitool's upper-case ones",
          "[fence][ipmi]") {
  CHECK(config_of("ip=b\nprivlvl=operator\n").privilege == IpmiPrivilege::kOperator);
  CHECK(config_of("ip=b\nprivlvl=OPERATOR\n").privilege == IpmiPrivilege::kOperator);
  CHECK(config_of("ip=b\nprivlvl=ADMINISTRATOR\n").privilege == IpmiPrivilege::kAdministrator);
  CHECK(config_of("ip=b\nprivlvl=user\n").privilege == IpmiPrivilege::kUser);
  CHECK(config_of("ip=b\nprivlvl=callback\n").privilege == IpmiPrivilege::kCallback);
  CHECK(config_error("ip=b\nprivlvl=root\n") ==
        "privlvl must be callback, user, operator or administrator, not 'root'");
}

TEST_CASE("IPMI 1.5 authentication types", "[fence][ipmi]") {
  CHECK(config_of("ip=b\nauth=none\n").auth == IpmiAuth::kNone);
  CHECK(config_of("ip=b\nauth=password\n").auth == IpmiAuth::kPassword);
  CHECK(config_of("ip=b\nauth=MD5\n").auth == IpmiAuth::kMd5);
  CHECK(config_error("ip=b\nauth=md2x\n") == "auth must be md5, password or none, not 'md2x'");
}

TEST_CASE("the password comes from password, password_script or a file, and is never quoted",
          "[fence][ipmi]") {
  CHECK(config_of("ip=b\npasswd=old\n").password == "old");
  CHECK(config_of("ip=b\npassword_script=/bin/echo from-script\n").password == "from-script");

  const hakit::ScratchDir scratch("hakit-ipmi-config-test");
  const std::filesystem::path& dir = scratch.path();
  const std::string file = (dir / "password").string();
  std::ofstream(file) << "in-a-file\nsecond line\n";
  CHECK(config_of("ip=b\npassword_method=file\npassword=" + file + "\n").password == "in-a-file");
  CHECK(config_of("ip=b\npassword_method=env\npassword=plain\n").password == "plain");

  const std::string missing = config_error("ip=b\npassword_method=file\npassword=hunter2\n");
  CHECK(missing == "password_method=file: the file named by password cannot be read");
  CHECK(config_error("ip=b\npassword_method=vault\n") ==
        "password_method must be param, env or file, not 'vault'");
  std::filesystem::remove_all(dir);
}

TEST_CASE("IPMI's length limits on names, passwords and the Kg key", "[fence][ipmi]") {
  CHECK(config_error("ip=b\nusername=a-name-of-17-chars\n") ==
        "username is longer than IPMI's 16 bytes");
  const std::string password_of_20 = "password=12345678901234567890\n";
  CHECK(config_error("ip=b\n" + password_of_20) ==
        "the password is longer than IPMI 1.5 allows (16 bytes)");
  CHECK(config_of("ip=b\nlanplus=1\n" + password_of_20).password.size() == 20);
  CHECK(config_error("ip=b\nlanplus=1\npassword=123456789012345678901\n").find("12345") ==
        std::string::npos);

  CHECK(config_of("ip=b\nlanplus=1\nhexadecimal_kg=00ff7A\n").bmc_key ==
        std::string("\0\xff\x7a", 3));
  for (const std::string& bad : std::vector<std::string>{"0", "zz", "0x12", std::string(42, '1')}) {
    CHECK(config_error("ip=b\nhexadecimal_kg=" + bad + "\n") ==
          "hexadecimal_kg must be at most 40 hexadecimal digits");
  }
}

TEST_CASE("addresses, ports and timeouts are checked", "[fence][ipmi]") {
  CHECK(config_error("ipport=623\n") == "ip (the BMC's address) is not set");
  CHECK(config_error("ip=b\nipport=0\n") == "ipport 0 is not a UDP port");
  CHECK(config_error("ip=b\nipport=65536\n") == "ipport 65536 is not a UDP port");
  CHECK(config_of("ip=b\nlogin_timeout=0.5\nshell_timeout=1\n").login_timeout == Millis(500));
  CHECK(config_error("ip=b\nshell_timeout=0\n") == "shell_timeout must be more than 0 seconds");
}
