#include "storage/drbd_tools.h"

#include "ocf/error.h"
#include "ocf/log.h"
#include "storage/drbd_events2.h"
#include "util/strings.h"

namespace hakit::storage {

namespace {

exec::Result run_logged(std::vector<std::string> argv, const exec::Deadline& deadline,
                        const std::map<std::string, std::string>& env = {}) {
  const std::string command = join(argv, " ");
  auto result = exec::run(exec::Command{.argv = std::move(argv), .env = env}, deadline);
  if (!result.ok()) {
    ocf::log_info(cat(command, ": ", result.describe(), ": ", result.first_error_line()));
  }
  return result;
}

}  // namespace

DrbdTools::DrbdTools(std::string resource, std::string config_file)
    : resource_(std::move(resource)), config_file_(std::move(config_file)) {}

exec::Result DrbdTools::drbdadm(const std::vector<std::string>& args,
                                const exec::Deadline& deadline,
                                const std::map<std::string, std::string>& env) const {
  std::vector<std::string> argv = {"drbdadm"};
  if (!config_file_.empty()) argv.insert(argv.end(), {"-c", config_file_});
  if (stacked_) argv.emplace_back("-S");
  argv.insert(argv.end(), args.begin(), args.end());
  return run_logged(std::move(argv), deadline, env);
}

exec::Result DrbdTools::drbdsetup(const std::vector<std::string>& args,
                                  const exec::Deadline& deadline) const {
  std::vector<std::string> argv = {"drbdsetup"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_logged(std::move(argv), deadline);
}

DrbdResourceState DrbdTools::state(const exec::Deadline& deadline) const {
  const auto result = drbdsetup({"events2", "--now", resource_}, deadline);
  if (!result.ok()) {
    throw ocf::Error(
        ocf::ExitCode::kErrGeneric,
        cat("cannot read the state of DRBD resource ", resource_, ": drbdsetup events2 ",
            result.describe(), ": ", result.first_error_line()));
  }
  return parse_events2(result.out, resource_);
}

std::optional<DrbdVersion> loaded_drbd_version() {
  std::string proc_drbd;
  if (!read_file("/proc/drbd", proc_drbd)) return std::nullopt;
  return parse_proc_drbd_version(proc_drbd);
}

std::optional<DrbdVersion> installed_drbd_version(const exec::Deadline& deadline) {
  const auto result =
      exec::run(exec::Command{.argv = {"modinfo", "-F", "version", "drbd"}}, deadline);
  if (!result.ok()) return std::nullopt;
  return parse_drbd_version(result.out);
}

}  // namespace hakit::storage
