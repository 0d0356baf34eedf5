#include "ocf/parameters.h"

#include <catch2/catch.hpp>

#include "ocf/failure_for_tests.h"

using namespace hakit::ocf;
using hakit::exec::Millis;

namespace {

const ParamSpec kParams[] = {
    {"device", ParamType::kString, true, false, ""},
    {"fast_stop", ParamType::kBoolean, false, true, "no"},
    {"count", ParamType::kInteger, false, true, "3"},
    {"delay", ParamType::kTime, false, true, "1s"},
    {"options", ParamType::kString, false, false, ""},
};
const AgentMetadata kMetadata{"Test", "<resource-agent/>", kParams, {}};

std::string configuration_error(Environment::Variables vars) {
  const Failure failure = failure_of([&] { Parameters(kMetadata, Environment(std::move(vars))); });
  CHECK(failure.code == ExitCode::kErrConfigured);
  return failure.reason.empty() ? "no error" : failure.reason;
}

}  // namespace

TEST_CASE("parameters are typed and defaulted from the meta-data", "[ocf]") {
  const Environment env({{"OCF_RESKEY_device", "/dev/x"}, {"OCF_RESKEY_fast_stop", "On"}});
  const Parameters params(kMetadata, env);
  CHECK(params.str("device") == "/dev/x");
  CHECK(params.is_set("device"));
  CHECK(params.boolean("fast_stop"));
  CHECK(params.integer("count") == 3);
  CHECK_FALSE(params.is_set("count"));
  CHECK(params.duration("delay") == Millis(1000));
  CHECK(params.str("options").empty());
}

TEST_CASE("an empty value falls back to the default", "[ocf]") {
  const Parameters params(kMetadata,
                          Environment({{"OCF_RESKEY_device", "/dev/x"}, {"OCF_RESKEY_count", ""}}));
  CHECK(params.integer("count") == 3);
}

TEST_CASE("bad parameters are configuration errors naming the parameter", "[ocf]") {
  CHECK(configuration_error({}) == "required parameter 'device' is not set");
  CHECK(configuration_error({{"OCF_RESKEY_device", ""}}) ==
        "required parameter 'device' is not set");
  CHECK(configuration_error({{"OCF_RESKEY_device", "x"}, {"OCF_RESKEY_fast_stop", "maybe"}})
            .starts_with("parameter 'fast_stop' is 'maybe' but must be a boolean"));
  CHECK(configuration_error({{"OCF_RESKEY_device", "x"}, {"OCF_RESKEY_count", "3x"}})
            .starts_with("parameter 'count' is '3x' but must be an integer"));
  CHECK(configuration_error({{"OCF_RESKEY_device", "x"}, {"OCF_RESKEY_delay", "later"}})
            .starts_with("parameter 'delay' is 'later' but must be a duration"));
}
