#include "iscsi/iscsi_name.h"

#include <catch2/catch.hpp>

#include "ocf/error.h"

using namespace hakit::iscsi;

TEST_CASE("iSCSI names: iqn, eui and naa forms are accepted", "[iscsi]") {
  CHECK(iscsi_name_problem("iqn.2024-01.lab.example:disk1") == "");
  CHECK(iscsi_name_problem("iqn.2003-01.org.linux-iscsi.host.x8664:sn.4b0d2c9d5a0f") == "");
  CHECK(iscsi_name_problem("iqn.2024-01.example") == "");
  CHECK(iscsi_name_problem("IQN.2024-01.Lab.Example:Disk1") == "");  // case-insensitive
  CHECK(iscsi_name_problem("eui.02004567A425678D") == "");
  CHECK(iscsi_name_problem("naa.52004567BA64678D") == "");
  CHECK(iscsi_name_problem("naa.62004567BA64678D0123456789ABCDEF") == "");
}

TEST_CASE("iSCSI names: bad characters and shapes are explained", "[iscsi]") {
  CHECK(iscsi_name_problem("iqn.2024-01.lab.example:disk 1").find("contains ' '") == 0);
  CHECK(iscsi_name_problem("iqn.2024-01.lab.example:disk_1").find("contains '_'") == 0);
  CHECK(iscsi_name_problem("iqn.2024-01.lab.example:$(reboot)").find("contains '$'") == 0);
  CHECK(iscsi_name_problem("iqn.2024-01.lab/x").find("contains '/'") == 0);
  CHECK(iscsi_name_problem("iqn.24-01.lab.example").find("iqn.yyyy-mm.") != std::string::npos);
  CHECK(iscsi_name_problem("iqn.2024-01.:x").find("reversed domain") != std::string::npos);
  CHECK(iscsi_name_problem("target1").find("iqn., eui. or naa.") != std::string::npos);
  CHECK(iscsi_name_problem("eui.1234") != "");
  CHECK(iscsi_name_problem("") == "is empty");
  CHECK(iscsi_name_problem("iqn.2024-01.a." + std::string(220, 'x')).find("223") !=
        std::string::npos);
}

TEST_CASE("iSCSI names: require_iscsi_name throws OCF_ERR_CONFIGURED naming the parameter",
          "[iscsi]") {
  CHECK_NOTHROW(require_iscsi_name("iqn.2024-01.lab.example:ok", "iqn"));
  try {
    require_iscsi_name("iqn.2024-01.lab.example:bad name", "iqn");
    FAIL("no error");
  } catch (const hakit::ocf::Error& error) {
    CHECK(error.code() == hakit::ocf::ExitCode::kErrConfigured);
    CHECK(std::string(error.what()) ==
          "iqn \"iqn.2024-01.lab.example:bad name\" is not a valid iSCSI name: it contains ' ': "
          "only letters, digits, '-', '.' and ':' are allowed in an iSCSI name");
  }
}

TEST_CASE("iSCSI names: initiator entries are names or addresses", "[iscsi]") {
  CHECK(looks_like_iscsi_name("iqn.1994-05.com.redhat:client1"));
  CHECK(looks_like_iscsi_name("EUI.02004567A425678D"));
  CHECK_FALSE(looks_like_iscsi_name("ALL"));
  CHECK_FALSE(looks_like_iscsi_name("192.0.2.0/24"));
}
