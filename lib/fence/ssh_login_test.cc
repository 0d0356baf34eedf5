#include "fence/ssh_login.h"

#include <catch2/catch.hpp>

#include "fence/error.h"
#include "metadata/fence_hakit_drac5.h"

using namespace hakit::fence;
using hakit::exec::Deadline;
using hakit::metadata::fence_hakit_drac5;

TEST_CASE("ssh_options: fence_drac5's OpenSSH options that say where and how to log in",
          "[fence][ssh]") {
  SshLogin login{.host = "drac1", .user = "root"};
  const std::vector<std::string> ignored = apply_ssh_options(
      "-t -p 2222 -o UserKnownHostsFile=/etc/hakit/known_hosts -o StrictHostKeyChecking=no "
      "-i /root/.ssh/id_drac -l admin -o 'Compression yes' -X -oBatchMode=yes",
      login);
  CHECK(login.port == 2222);
  CHECK(login.known_hosts == "/etc/hakit/known_hosts");
  CHECK_FALSE(login.verify_host_key);
  CHECK(login.identity_file == "/root/.ssh/id_drac");
  CHECK(login.user == "admin");
  CHECK(ignored == std::vector<std::string>{"-o Compression yes", "-X"});
}

TEST_CASE("ssh_options: attached values, quoted words, -o Key Value, strict checking kept",
          "[fence][ssh]") {
  SshLogin login;
  CHECK(apply_ssh_options("-p2200 -o \"UserKnownHostsFile=/k1 /k2\" -o 'Port 2201' "
                          "-o StrictHostKeyChecking=accept-new -o User=drac",
                          login)
            .empty());
  CHECK(login.port == 2201);
  CHECK(login.known_hosts == "/k1");  // the first of OpenSSH's list
  CHECK(login.verify_host_key);
  CHECK(login.user == "drac");
  CHECK_THROWS_AS(apply_ssh_options("-p http", login), Error);
  CHECK(apply_ssh_options("-i", login) == std::vector<std::string>{"-i"});
}

TEST_CASE("ssh_login: defaults, aliases, and explicit options over ssh_options", "[fence][ssh]") {
  Options options(fence_hakit_drac5);
  options.set("ipaddr", "10.0.0.5");
  options.set("login", "root");
  SshLogin login = ssh_login(options, "10.0.0.5", Deadline::never());
  CHECK(login.host == "10.0.0.5");
  CHECK(login.port == 22);
  CHECK(login.user == "root");
  CHECK(login.identity_file.empty());
  CHECK_FALSE(login.password.has_value());
  CHECK(login.known_hosts.empty());
  CHECK(login.verify_host_key);
  CHECK(login.describe() == "root@10.0.0.5:22");

  options.set("ssh_options", "-p 2222 -l admin -o UserKnownHostsFile=/k");
  options.set("passwd", "s3cret");
  login = ssh_login(options, "10.0.0.5", Deadline::never());
  CHECK(login.port == 2222);
  CHECK(login.user == "root");  // username was set explicitly
  CHECK(login.known_hosts == "/k");
  CHECK(login.password == "s3cret");

  options.set("ipport", "2022");
  options.set("known_hosts", "/etc/hakit/known_hosts");
  options.set("ssh_insecure", "yes");
  login = ssh_login(options, "10.0.0.5", Deadline::never());
  CHECK(login.port == 2022);
  CHECK(login.known_hosts == "/etc/hakit/known_hosts");
  CHECK_FALSE(login.verify_host_key);

  options.set("ipport", "70000");
  CHECK_THROWS_AS(ssh_login(options, "10.0.0.5", Deadline::never()), Error);
}
