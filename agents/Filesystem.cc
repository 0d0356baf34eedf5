// ocf:hakit:Filesystem — see metadata/Filesystem.xml and lib/storage/filesystem_agent.h.
#include "metadata/Filesystem.h"
#include "ocf/agent.h"
#include "storage/filesystem_agent.h"

int main(int argc, char** argv) {
  return hakit::ocf::run_agent<hakit::storage::FilesystemAgent>(hakit::metadata::Filesystem, argc,
                                                                argv);
}
