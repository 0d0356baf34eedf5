#include "hakit/report.h"

#include <cstdio>

#include "util/strings.h"

namespace hakit::cli {
namespace {

constexpr size_t kTitleWidth = 72;

double milliseconds(exec::Clock::duration elapsed) {
  return std::chrono::duration<double, std::milli>(elapsed).count();
}

std::string json_number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", value);
  return text;
}

std::string json_run(const AgentRun& run) {
  std::string json = "{\"action\":" + json_string(run.action());
  if (run.invocation.check_level != 0) json += cat(",\"check_level\":", run.invocation.check_level);
  json += cat(",\"interval_ms\":", run.invocation.interval.count(),
              ",\"timeout_ms\":", run.invocation.timeout.count(),
              ",\"exit_status\":", run.result.exit_status,
              ",\"outcome\":", json_string(describe_outcome(run)),
              ",\"duration_ms\":", json_number(milliseconds(run.elapsed)),
              ",\"stdout_bytes\":", run.result.out.size());
  if (run.exit_reason) json += ",\"exit_reason\":" + json_string(*run.exit_reason);
  return json + "}";
}

std::string json_check(const CheckResult& check) {
  std::string json =
      "{\"verdict\":" + json_string(to_lower(verdict_name(check.verdict))) +
      ",\"title\":" + json_string(check.title) + ",\"detail\":" + json_string(check.detail) +
      ",\"duration_ms\":" + json_number(milliseconds(check.elapsed())) + ",\"runs\":[";
  for (size_t i = 0; i < check.runs.size(); ++i) {
    json += (i == 0 ? "" : ",") + json_run(check.runs[i]);
  }
  return json + "]}";
}

}  // namespace

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::kPass:
      return "PASS";
    case Verdict::kFail:
      return "FAIL";
    case Verdict::kSkip:
      return "SKIP";
  }
  return "?";
}

exec::Clock::duration CheckResult::elapsed() const {
  exec::Clock::duration total{};
  for (const AgentRun& run : runs) total += run.elapsed;
  return total;
}

int Report::count(Verdict verdict) const {
  int matching = 0;
  for (const CheckResult& check : checks) matching += check.verdict == verdict ? 1 : 0;
  return matching;
}

std::string format_check(const CheckResult& check) {
  std::string line = cat(verdict_name(check.verdict), "  ", check.title);
  if (!check.runs.empty()) {
    line.resize(std::max(line.size() + 1, kTitleWidth), ' ');
    line += format_duration(check.elapsed());
  }
  line += '\n';
  for (const std::string& detail_line : split(check.detail, "\n")) {
    line += "      " + detail_line + "\n";
  }
  return line;
}

std::string format_summary(const Report& report) {
  const int failed = report.count(Verdict::kFail);
  return cat(report.checks.size(), " checks: ", report.count(Verdict::kPass), " passed, ", failed,
             " failed, ", report.count(Verdict::kSkip), " skipped\n", report.agent,
             failed == 0 ? " passed all checks\n" : " FAILED\n");
}

std::string format_json(const Report& report) {
  std::string json = "{\"agent\":" + json_string(report.agent) +
                     ",\"instance\":" + json_string(report.instance) +
                     ",\"passed\":" + (report.passed() ? "true" : "false") +
                     cat(",\"counts\":{\"pass\":", report.count(Verdict::kPass),
                         ",\"fail\":", report.count(Verdict::kFail),
                         ",\"skip\":", report.count(Verdict::kSkip), "}") +
                     ",\"checks\":[";
  for (size_t i = 0; i < report.checks.size(); ++i) {
    json += (i == 0 ? "" : ",") + json_check(report.checks[i]);
  }
  return json + "]}\n";
}

std::string json_string(std::string_view text) {
  std::string json = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        json += "\\\"";
        break;
      case '\\':
        json += "\\\\";
        break;
      case '\n':
        json += "\\n";
        break;
      case '\t':
        json += "\\t";
        break;
      case '\r':
        json += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
          json += escaped;
        } else {
          json += c;
        }
    }
  }
  return json + "\"";
}

}  // namespace hakit::cli
