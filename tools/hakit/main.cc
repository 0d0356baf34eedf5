#include "hakit/app.h"

int main(int argc, char** argv) { return hakit::cli::run_cli(argc, argv); }
