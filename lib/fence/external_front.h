// Front 2: the cluster-glue external plugin, /usr/lib/stonith/plugins/external/hakit-<device>,
// for the `stonith` CLI, hb_gui and Pacemaker's LHA path (stonith:external/hakit-<device>).
//
// argv[1] is the op: gethosts, on, off, reset, status, getconfignames, getinfo-devid,
// getinfo-devname, getinfo-devdescr, getinfo-devurl, getinfo-xml; argv[2] the host for on,
// off and reset. Parameters come from the environment under their legacy names
// (DeviceSpec::legacy); nothing else in the environment is read as an option.
//   gethosts        the hosts of Device::list(): each plug's alias, else its id, one per
//                   line (an empty list is a failure)
//   on/off/reset    VerifiedPower on/off/reboot of the host
//   status          Device::check(): the *device* is reachable, as the protocol wants
//   getconfignames  the legacy names marked config_name, in order
//   getinfo-*       devid: the meta-data's shortdesc (Pacemaker shows it as such); devname:
//                   "external/hakit-<device>"; devdescr, devurl: its longdesc, vendor-url;
//                   xml: a <parameters> block of the legacy names, described from the meta-data
// Exit 0 on success, else stonith_result_code().
#pragma once

#include "fence/device_spec.h"

namespace hakit::fence {

int run_external_plugin(const DeviceSpec& spec, int argc, char** argv);

}  // namespace hakit::fence
