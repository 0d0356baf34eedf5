// hakit-meatclient -c NODE [-w]: the operator's confirmation that NODE was power-cycled,
// for a meatware device waiting on it (hakit's or cluster-glue's: same FIFO, same message).
// Installed under its own name so that it never replaces cluster-glue's meatclient, which
// works with hakit's meatware too.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <thread>

#include "fence/error.h"
#include "fence/meatware_protocol.h"
#include "util/unique_fd.h"

namespace {

using hakit::UniqueFd;
namespace fence = hakit::fence;

bool is_fifo(const std::string& path) {
  struct stat info {};
  return ::lstat(path.c_str(), &info) == 0 && S_ISFIFO(info.st_mode);
}

int fail(const std::string& message) {
  std::cerr << "Meatware_IPC failed: " << message << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Confirms to a waiting meatware device that a node was power-cycled",
               "hakit-meatclient");
  std::string node;
  bool wait = false;
  app.add_option("-c", node, "The node that was power-cycled or cut off")->required();
  app.add_flag("-w", wait, "Wait for the meatware request to appear");
  CLI11_PARSE(app, argc, argv);

  std::string path;
  try {
    path = fence::meatware_fifo_path(node);
  } catch (const fence::Error& error) {
    return fail(error.what());
  }
  // Open before asking: a FIFO with no reader is a request that is no longer waiting (its
  // device gave up or was killed), so -w keeps waiting for a live one instead of failing.
  UniqueFd fifo;
  while (true) {
    if (is_fifo(path)) {
      // Not through a link, and only into a FIFO: as root, this writes where it is told.
      fifo.reset(::open(path.c_str(), O_WRONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC));
      struct stat opened {};
      if (fifo.valid() && (::fstat(fifo.get(), &opened) != 0 || !S_ISFIFO(opened.st_mode))) {
        return fail(path + ": not a FIFO");
      }
      if (fifo.valid()) break;
      if (errno != ENXIO) return fail(path + ": " + std::strerror(errno));
      if (!wait) return fail(path + ": the meatware request is no longer waiting");
    } else if (!wait) {
      return fail(path + ": no meatware request is waiting for " + node);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }

  std::cout << "\nWARNING!\n\nIf node \"" << node
            << "\" has not been manually power-cycled or disconnected from all shared resources "
               "and networks, data on shared disks may become corrupted and migrated services "
               "might not work as expected.\nPlease verify that the name or address above "
               "corresponds to the node you just rebooted.\n\nPROCEED? [yN] "
            << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  if (answer != "y" && answer != "Y") {
    std::cout << "Meatware_client: operation canceled.\n";
    return 1;
  }
  // If the device stopped waiting while the operator read the warning, the write fails
  // with EPIPE: report it instead of dying of SIGPIPE.
  ::signal(SIGPIPE, SIG_IGN);
  const std::string message = fence::meatware_reply(node);
  if (::write(fifo.get(), message.data(), message.size()) != ssize_t(message.size())) {
    return fail(path + ": " + std::strerror(errno));
  }
  std::cout << "Meatware_client: reset confirmed.\n";
  return 0;
}
