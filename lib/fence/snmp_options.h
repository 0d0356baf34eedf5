// A fence agent's SNMP settings, under fence_apc_snmp's option names:
//   ip            the agent: "pdu1", "10.0.0.5", "10.0.0.5:16161" (cluster-glue's pduip may
//                 carry the port), "fe80::1" or "[fe80::1]:161"
//   ipport        its UDP port (161) unless `ip` names one
//   snmp_version  1 (the default, as fence_apc_snmp), 2c or 3
//   community     v1 and v2c (private)
//   username, password (password_script), snmp_sec_level, snmp_auth_prot, snmp_priv_prot,
//   snmp_priv_passwd (snmp_priv_passwd_script): v3. Without snmp_sec_level the level
//                 follows the passwords given: authPriv with a privacy password, authNoPriv
//                 with a password, noAuthNoPriv otherwise; MD5 and DES unless said otherwise,
//                 as net-snmp's tools.
//   shell_timeout + login_timeout   how long one request may take (as fence_apc_snmp's
//                 snmpget/snmpset runs), retransmitted every second.
#pragma once

#include <string>
#include <string_view>

#include "exec/deadline.h"
#include "fence/options.h"
#include "fence/snmp_session.h"

namespace hakit::fence {

/// The session settings from `options`; throws Error(kBadConfig) naming the option at fault.
/// Runs password scripts within `deadline`.
snmp::SessionConfig snmp_session_config(const Options& options, const exec::Deadline& deadline);

/// net-snmp's transport address for `ip` (see above) and `port`: "udp:10.0.0.5:161",
/// "udp6:[fe80::1]:161".
std::string snmp_peer(std::string_view ip, long long port);

}  // namespace hakit::fence
