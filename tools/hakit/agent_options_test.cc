#include "hakit/agent_options.h"

#include <catch2/catch.hpp>

#include "hakit/error.h"

using namespace hakit::cli;

TEST_CASE("a -p option splits at the first '='", "[options]") {
  CHECK(parse_parameter("device=/dev/loop0") ==
        std::pair<std::string, std::string>{"device", "/dev/loop0"});
  CHECK(parse_parameter("options=rw,uid=0") ==
        std::pair<std::string, std::string>{"options", "rw,uid=0"});
  CHECK(parse_parameter("options=") == std::pair<std::string, std::string>{"options", ""});
  CHECK_THROWS_AS(parse_parameter("device"), Error);
  CHECK_THROWS_AS(parse_parameter("=value"), Error);
}

TEST_CASE("run and check options parse repeated -p", "[options]") {
  CLI::App app;
  AgentOptions options;
  options.add_to(app);
  const char* argv[] = {"hakit", "/bin/true", "-p", "a=1", "-p", "b=2", "--instance", "r1"};
  app.parse(8, const_cast<char**>(argv));
  CHECK(options.agent == "/bin/true");
  CHECK(options.parameters == std::vector<std::string>{"a=1", "b=2"});

  const AgentTarget target = options.target();
  CHECK(target.path == "/bin/true");
  CHECK(target.instance == "r1");
  CHECK(target.params == std::map<std::string, std::string>{{"a", "1"}, {"b", "2"}});
}

TEST_CASE("an agent that does not exist is a usage error", "[options]") {
  AgentOptions options;
  options.agent = "/nonexistent/Agent";
  CHECK_THROWS_AS(options.target(), Error);
}
