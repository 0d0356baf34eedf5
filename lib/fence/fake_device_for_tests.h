// Unit-test helpers: a fence device whose every answer is scripted, and a small fence
// meta-data with the usual aliases and a secret.
#pragma once

#include <deque>
#include <string>
#include <variant>
#include <vector>

#include "fence/device.h"
#include "fence/error.h"
#include "fence/metadata.h"

namespace hakit::fence::testing {

/// Answers status() from `reads` in order (the last one repeats), each a state or an
/// error to throw; records every power request as "off:<plug>", "on:<plug>", "cycle:<plug>".
class FakeDevice final : public Device {
 public:
  using Read = std::variant<PowerState, ErrorKind>;

  explicit FakeDevice(std::deque<Read> reads, Capabilities capabilities = {})
      : reads_(std::move(reads)), capabilities_(capabilities) {}

  Capabilities capabilities() const override { return capabilities_; }
  PowerState status(const std::string&, const exec::Deadline&) override {
    ++status_reads;
    const Read read = reads_.front();
    if (reads_.size() > 1) reads_.pop_front();
    if (const auto* kind = std::get_if<ErrorKind>(&read)) throw Error(*kind, "scripted failure");
    return std::get<PowerState>(read);
  }
  void power_on(const std::string& plug, const exec::Deadline&) override {
    requests.push_back("on:" + plug);
  }
  void power_off(const std::string& plug, const exec::Deadline&) override {
    requests.push_back("off:" + plug);
  }
  void power_cycle(const std::string& plug, const exec::Deadline&) override {
    requests.push_back("cycle:" + plug);
  }
  void check(const exec::Deadline&) override {}

  std::vector<std::string> requests;
  int status_reads = 0;

 private:
  std::deque<Read> reads_;
  Capabilities capabilities_;
};

inline constexpr OptionSpec kTestOptions[] = {
    {.name = "action",
     .required = true,
     .has_default = true,
     .default_value = "reboot",
     .short_flag = 'o',
     .long_flag = "action",
     .takes_value = true},
    {.name = "ip",
     .required = true,
     .obsoletes = "ipaddr",
     .short_flag = 'a',
     .long_flag = "ip",
     .takes_value = true},
    {.name = "ipaddr",
     .required = true,
     .deprecated = true,
     .short_flag = 'a',
     .long_flag = "ip",
     .takes_value = true},
    {.name = "ipport",
     .type = OptionType::kInteger,
     .has_default = true,
     .default_value = "161",
     .long_flag = "ipport",
     .takes_value = true},
    {.name = "lanplus",
     .type = OptionType::kBoolean,
     .has_default = true,
     .default_value = "0",
     .short_flag = 'P',
     .long_flag = "lanplus"},
    {.name = "passwd",
     .deprecated = true,
     .short_flag = 'p',
     .long_flag = "password",
     .takes_value = true},
    {.name = "password",
     .obsoletes = "passwd",
     .short_flag = 'p',
     .long_flag = "password",
     .takes_value = true},
    {.name = "password_script", .long_flag = "password-script", .takes_value = true},
    {.name = "plug",
     .required = true,
     .obsoletes = "port",
     .short_flag = 'n',
     .long_flag = "plug",
     .takes_value = true},
    {.name = "port",
     .required = true,
     .deprecated = true,
     .short_flag = 'n',
     .long_flag = "plug",
     .takes_value = true},
    {.name = "power_timeout",
     .type = OptionType::kSecond,
     .has_default = true,
     .default_value = "20",
     .long_flag = "power-timeout",
     .takes_value = true},
};
inline constexpr std::string_view kTestActions[] = {"on", "off", "reboot", "status", "monitor"};
inline const FenceMetadata kTestMetadata{.name = "fence_test",
                                         .shortdesc = "test",
                                         .longdesc = "test",
                                         .vendor_url = "",
                                         .xml = "<resource-agent/>",
                                         .options = kTestOptions,
                                         .actions = kTestActions};

}  // namespace hakit::fence::testing
