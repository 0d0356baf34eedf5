// The outcome of `hakit check`: one line per check for people, or JSON for programs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hakit/agent_runner.h"

namespace hakit::cli {

enum class Verdict { kPass, kFail, kSkip };

/// "PASS", "FAIL", "SKIP".
std::string_view verdict_name(Verdict verdict);

struct CheckResult {
  Verdict verdict = Verdict::kPass;
  std::string
      title{};  ///< what is checked: "monitor of a stopped resource returns OCF_NOT_RUNNING"
  std::string detail{};          ///< what happened, or why it was skipped; may be empty
  std::vector<AgentRun> runs{};  ///< the agent runs this check made, in order

  exec::Clock::duration elapsed() const;
};

struct Report {
  std::string agent;     ///< path of the agent checked
  std::string instance;  ///< OCF_RESOURCE_INSTANCE used
  std::vector<CheckResult> checks{};

  int count(Verdict verdict) const;
  bool passed() const { return count(Verdict::kFail) == 0; }
};

/// "PASS  <title padded>  12.3 ms", then the detail indented on its own lines.
std::string format_check(const CheckResult& check);
/// "32 checks: 30 passed, 1 failed, 1 skipped", and whether the agent passed.
std::string format_summary(const Report& report);
/// The whole report as one JSON object (see the implementation for the fields).
std::string format_json(const Report& report);
/// `text` as a JSON string literal, quotes included.
std::string json_string(std::string_view text);

}  // namespace hakit::cli
