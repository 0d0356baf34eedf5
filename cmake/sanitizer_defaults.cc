// The sanitizers' default options, linked into every executable of a HAKIT_SANITIZE build
// (CMakeLists.txt). They hold where no ASAN_OPTIONS or UBSAN_OPTIONS reaches: agents run by
// Pacemaker's executor or the fencer, plugins run by cluster-glue, agents in the qemu guests.
//  - exitcode=23 for every finding (ASan's default is 1): 1 is OCF_ERR_GENERIC and a fence
//    agent's failure, which a test that expects a failure would accept; 23 is no OCF or
//    fence agent code, so a finding fails whatever test sees the process exit.
//  - ASan and LeakSanitizer write their reports to HAKIT_SANITIZER_REPORTS.PID (a directory
//    of the build, which scripts/test.sh lists after the suite): a daemon's child's stderr
//    ends in a log nobody reads. UBSan (its own runtime with g++) reports on stderr, with
//    the stack.

extern "C" {

const char* __asan_default_options() {
  return "exitcode=23:detect_leaks=1:log_path=" HAKIT_SANITIZER_REPORTS;
}

const char* __lsan_default_options() { return "exitcode=23:print_suppressions=0"; }

// Leaks of the libraries, not hakit's, each matched by a frame that the default (fast)
// unwinder does not reach through libraries built without frame pointers: a test that
// meets one runs the agent with ASAN_OPTIONS=fast_unwind_on_malloc=0.
//  - libvirt 9.0's client leaks the server's SASL mechanism list when the authentication
//    fails (the reply of REMOTE_PROC_AUTH_SASL_INIT is never freed on that path); a plain
//    C program calling virConnectOpen on such a libvirtd leaks the same 14 bytes.
const char* __lsan_default_suppressions() { return "leak:xdr_remote_auth_sasl_init_ret\n"; }

const char* __ubsan_default_options() { return "exitcode=23:print_stacktrace=1"; }

}  // extern "C"
