#include "netns.h"

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <cerrno>
#include <exception>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "exec/command.h"
#include "run_checked.h"
#include "util/strings.h"
#include "util/unique_fd.h"

namespace hakit::lab {

namespace {

constexpr int kFirstSubnet = 100;
constexpr int kSubnets = 150;
constexpr const char* kRecordPrefix = "netns-";

std::string namespace_of(int subnet) { return cat("hakit-net", subnet); }
std::string host_link(int subnet) { return cat("hk", subnet, "h"); }
std::string peer_link(int subnet) { return cat("hk", subnet, "p"); }

/// ip -n NAMESPACE ARGS... inside the peer's namespace.
void in_namespace(int subnet, std::vector<std::string> args) {
  args.insert(args.begin(), {"ip", "-n", namespace_of(subnet)});
  run_checked(args);
}

void add_addresses(int subnet, const std::string& link, const std::string& host_part, bool inside) {
  // nodad: usable at once, instead of "tentative" for a second or two.
  std::vector<std::vector<std::string>> commands = {
      {"addr", "replace", cat("10.250.", subnet, ".", host_part, "/24"), "dev", link},
      {"-6", "addr", "replace", cat("fd00:250:", subnet, "::", host_part, "/64"), "dev", link,
       "nodad"},
      {"link", "set", link, "up"}};
  for (auto& command : commands) {
    if (inside) {
      in_namespace(subnet, command);
    } else {
      command.insert(command.begin(), "ip");
      run_checked(command);
    }
  }
}

/// A subnet nobody uses: no address in 10.250.N.0/24 here, no link or namespace of our
/// names (other tests may use 10.250.x.y too). Starting at a PID-derived place makes
/// concurrent lab processes unlikely to race for the same one.
int free_subnet() {
  const std::string in_use = run_checked({"ip", "-o", "addr", "show"}) +
                             run_checked({"ip", "-o", "link", "show"}) +
                             run_checked({"ip", "netns", "list"});
  for (int i = 0; i < kSubnets; ++i) {
    const int subnet = kFirstSubnet + (int(::getpid()) + i) % kSubnets;
    if (in_use.find(cat("10.250.", subnet, ".")) == std::string::npos &&
        in_use.find(cat(" ", host_link(subnet))) == std::string::npos &&
        in_use.find(namespace_of(subnet)) == std::string::npos) {
      return subnet;
    }
  }
  throw std::runtime_error("no free 10.250.N.0/24 subnet for a lab network namespace");
}

}  // namespace

NetnsPeer::NetnsPeer() : subnet_(free_subnet()) {
  run_checked({"ip", "netns", "add", namespace_of(subnet_)});
  record_.emplace(cat(kRecordPrefix, subnet_), cat(subnet_));
  try {
    run_checked({"ip", "link", "add", host_link(subnet_), "type", "veth", "peer", "name",
                 peer_link(subnet_), "netns", namespace_of(subnet_)});
    add_addresses(subnet_, host_link(subnet_), "1", false);
    in_namespace(subnet_, {"link", "set", "lo", "up"});
    connect();
  } catch (...) {
    remove();  // the destructor does not run when the constructor throws
    throw;
  }
}

NetnsPeer::NetnsPeer(int subnet, Record record) : subnet_(subnet), record_(std::move(record)) {}

NetnsPeer NetnsPeer::adopt(const std::string& record_name) {
  auto record = Record::adopt(record_name);
  const int subnet = std::stoi(record.value());
  return NetnsPeer(subnet, std::move(record));
}

NetnsPeer::~NetnsPeer() {
  if (record_) remove();
}

void NetnsPeer::remove() noexcept {
  // Deleting one end of a veth pair deletes both; deleting the namespace would too, but
  // only once nothing holds it.
  const auto deadline = exec::Deadline::in(std::chrono::seconds(10));
  exec::run({.argv = {"ip", "link", "del", host_link(subnet_)}}, deadline);
  exec::run({.argv = {"ip", "netns", "del", namespace_of(subnet_)}}, deadline);
  record_.reset();
}

std::string NetnsPeer::ipv4() const { return cat("10.250.", subnet_, ".2"); }
std::string NetnsPeer::ipv6() const { return cat("fd00:250:", subnet_, "::2"); }
std::string NetnsPeer::namespace_name() const { return namespace_of(subnet_); }

void NetnsPeer::disconnect() const {
  in_namespace(subnet_, {"link", "set", peer_link(subnet_), "down"});
}

void NetnsPeer::connect() const { add_addresses(subnet_, peer_link(subnet_), "2", true); }

bool NetnsPeer::is_record(const std::string& record_name) {
  return record_name.starts_with(kRecordPrefix);
}

void in_network_namespace(const std::string& name, const std::function<void()>& work) {
  if (name.empty()) return work();
  std::exception_ptr failure;
  // setns changes the calling thread only: a thread of its own leaves ours as it is.
  std::thread([&] {
    try {
      const std::string path = "/run/netns/" + name;
      const UniqueFd fd(open(path.c_str(), O_RDONLY | O_CLOEXEC));
      if (fd.get() < 0 || setns(fd.get(), CLONE_NEWNET) != 0)
        throw std::system_error(errno, std::generic_category(), "enter network namespace " + name);
      work();
    } catch (...) {
      failure = std::current_exception();
    }
  }).join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace hakit::lab
