// Front 1: the fence agent, /usr/sbin/fence_hakit_<device>, run by Pacemaker's fencer
// (every 2.x/3.x build), pcs, crmsh and by hand.
//
// Input: with no arguments, `key=value` lines on stdin (action=, plug=/port=, nodename=,
// every device option; see options.h for the rules); with arguments, the same options as
// flags taken from the meta-data's getopt strings (-o/--action, -n/--plug, -a/--ip,
// -l/--username, -p/--password, ...), plus --nodename.
//
// Actions: those the meta-data advertises, among on, off, reboot, status, list,
// list-status, monitor, metadata and validate-all; others exit 1. off, on and reboot go
// through VerifiedPower after the `delay` option's pause; monitor is Device::check().
//
// Output and exit codes (fencing.py's): "Success: Powered OFF" etc. on stdout and exit 0;
// status prints "Status: ON|OFF" and exits 0 for on, 2 for off, 1 on any failure; list
// prints "plug,alias" and list-status "plug,alias,ON|OFF", one per line; a failure logs
// one line on stderr and exits with fence_agent_exit_code().
#pragma once

#include "fence/device_spec.h"

namespace hakit::fence {

int run_fence_agent(const DeviceSpec& spec, int argc, char** argv);

}  // namespace hakit::fence
