// hakit-embed-metadata [--fence] AGENT.xml OUT.h OUT.cc
//
// Turns an OCF agent's meta-data (or, with --fence, a fence agent's) into C++: the XML
// verbatim and the tables generated from it, so agents parse no XML when they run.
#include <iostream>
#include <string_view>

#include "generators.h"

int main(int argc, char** argv) {
  const bool fence = argc == 5 && std::string_view(argv[1]) == "--fence";
  if (argc != 4 && !fence) {
    std::cerr << "usage: hakit-embed-metadata [--fence] AGENT.xml OUT.h OUT.cc\n";
    return 2;
  }
  char** files = argv + (fence ? 2 : 1);
  try {
    (fence ? hakit::embed::generate_fence : hakit::embed::generate_ocf)(files[0], files[1],
                                                                        files[2]);
  } catch (const std::exception& error) {
    std::cerr << "hakit-embed-metadata: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
