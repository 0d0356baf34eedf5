// libvirt, loaded on first use instead of at exec (on_demand_library.h). Binding libvirt.so
// and the ~50 libraries it needs (Debian builds them BIND_NOW) costs ~30 M instructions: ten
// times all else a VM agent does for meta-data, validate-all or a monitor answered by the
// daemon directly (local_daemon.h).
//
// Each function below has the name and signature <libvirt/libvirt.h> declares (the compiler
// checks them against it) and forwards to libvirt's own. Add one when lib/ calls a new
// libvirt function: the link fails until then.
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "virt/on_demand_library.h"

namespace {

struct Libvirt {
  static constexpr const char* kSoname = "libvirt.so.0";
  static constexpr const char* kPackage = "libvirt's client library (libvirt0)";
};

}  // namespace

#define LIBVIRT(function) hakit::virt::library_function<Libvirt, &(function)>(#function)

extern "C" {
int virInitialize() { return LIBVIRT(virInitialize)(); }
void virSetErrorFunc(void* userData, virErrorFunc handler) {
  LIBVIRT(virSetErrorFunc)(userData, handler);
}
virErrorPtr virGetLastError() { return LIBVIRT(virGetLastError)(); }
const char* virGetLastErrorMessage() { return LIBVIRT(virGetLastErrorMessage)(); }
int virEventRegisterDefaultImpl() { return LIBVIRT(virEventRegisterDefaultImpl)(); }
int virEventRunDefaultImpl() { return LIBVIRT(virEventRunDefaultImpl)(); }
int virEventAddTimeout(int frequency, virEventTimeoutCallback cb, void* opaque,
                       virFreeCallback ff) {
  return LIBVIRT(virEventAddTimeout)(frequency, cb, opaque, ff);
}
void virEventUpdateTimeout(int timer, int frequency) {
  LIBVIRT(virEventUpdateTimeout)(timer, frequency);
}
virConnectPtr virConnectOpen(const char* name) { return LIBVIRT(virConnectOpen)(name); }
int virConnectClose(virConnectPtr conn) { return LIBVIRT(virConnectClose)(conn); }
char* virConnectGetURI(virConnectPtr conn) { return LIBVIRT(virConnectGetURI)(conn); }
int virConnectSetKeepAlive(virConnectPtr conn, int interval, unsigned int count) {
  return LIBVIRT(virConnectSetKeepAlive)(conn, interval, count);
}
int virConnectListAllDomains(virConnectPtr conn, virDomainPtr** domains, unsigned int flags) {
  return LIBVIRT(virConnectListAllDomains)(conn, domains, flags);
}
char* virConnectDomainXMLFromNative(virConnectPtr conn, const char* nativeFormat,
                                    const char* nativeConfig, unsigned int flags) {
  return LIBVIRT(virConnectDomainXMLFromNative)(conn, nativeFormat, nativeConfig, flags);
}
unsigned long long virNodeGetFreeMemory(virConnectPtr conn) {
  return LIBVIRT(virNodeGetFreeMemory)(conn);
}
int virNetworkCreate(virNetworkPtr network) { return LIBVIRT(virNetworkCreate)(network); }
int virNetworkFree(virNetworkPtr network) { return LIBVIRT(virNetworkFree)(network); }
virNetworkPtr virNetworkLookupByName(virConnectPtr conn, const char* name) {
  return LIBVIRT(virNetworkLookupByName)(conn, name);
}
int virNetworkIsActive(virNetworkPtr net) { return LIBVIRT(virNetworkIsActive)(net); }
virStoragePoolPtr virStoragePoolLookupByName(virConnectPtr conn, const char* name) {
  return LIBVIRT(virStoragePoolLookupByName)(conn, name);
}
int virStoragePoolIsActive(virStoragePoolPtr pool) { return LIBVIRT(virStoragePoolIsActive)(pool); }
int virStoragePoolCreate(virStoragePoolPtr pool, unsigned int flags) {
  return LIBVIRT(virStoragePoolCreate)(pool, flags);
}
int virStoragePoolFree(virStoragePoolPtr pool) { return LIBVIRT(virStoragePoolFree)(pool); }
virDomainPtr virDomainLookupByName(virConnectPtr conn, const char* name) {
  return LIBVIRT(virDomainLookupByName)(conn, name);
}
virDomainPtr virDomainCreateXML(virConnectPtr conn, const char* xmlDesc, unsigned int flags) {
  return LIBVIRT(virDomainCreateXML)(conn, xmlDesc, flags);
}
virDomainPtr virDomainDefineXML(virConnectPtr conn, const char* xml) {
  return LIBVIRT(virDomainDefineXML)(conn, xml);
}
int virDomainRestore(virConnectPtr conn, const char* from) {
  return LIBVIRT(virDomainRestore)(conn, from);
}
int virDomainFree(virDomainPtr domain) { return LIBVIRT(virDomainFree)(domain); }
const char* virDomainGetName(virDomainPtr domain) { return LIBVIRT(virDomainGetName)(domain); }
int virDomainGetState(virDomainPtr domain, int* state, int* reason, unsigned int flags) {
  return LIBVIRT(virDomainGetState)(domain, state, reason, flags);
}
int virDomainGetInfo(virDomainPtr domain, virDomainInfoPtr info) {
  return LIBVIRT(virDomainGetInfo)(domain, info);
}
char* virDomainGetXMLDesc(virDomainPtr domain, unsigned int flags) {
  return LIBVIRT(virDomainGetXMLDesc)(domain, flags);
}
int virDomainIsPersistent(virDomainPtr dom) { return LIBVIRT(virDomainIsPersistent)(dom); }
int virDomainCreate(virDomainPtr domain) { return LIBVIRT(virDomainCreate)(domain); }
int virDomainShutdownFlags(virDomainPtr domain, unsigned int flags) {
  return LIBVIRT(virDomainShutdownFlags)(domain, flags);
}
int virDomainDestroy(virDomainPtr domain) { return LIBVIRT(virDomainDestroy)(domain); }
int virDomainSave(virDomainPtr domain, const char* to) {
  return LIBVIRT(virDomainSave)(domain, to);
}
int virDomainUndefine(virDomainPtr domain) { return LIBVIRT(virDomainUndefine)(domain); }
int virDomainSetMemory(virDomainPtr domain, unsigned long memory) {
  return LIBVIRT(virDomainSetMemory)(domain, memory);
}
int virDomainMigrateSetMaxDowntime(virDomainPtr domain, unsigned long long downtime,
                                   unsigned int flags) {
  return LIBVIRT(virDomainMigrateSetMaxDowntime)(domain, downtime, flags);
}
int virDomainMigrateToURI3(virDomainPtr domain, const char* dconnuri, virTypedParameterPtr params,
                           unsigned int nparams, unsigned int flags) {
  return LIBVIRT(virDomainMigrateToURI3)(domain, dconnuri, params, nparams, flags);
}
virDomainPtr virDomainMigrate3(virDomainPtr domain, virConnectPtr dconn,
                               virTypedParameterPtr params, unsigned int nparams,
                               unsigned int flags) {
  return LIBVIRT(virDomainMigrate3)(domain, dconn, params, nparams, flags);
}
int virDomainAbortJob(virDomainPtr dom) { return LIBVIRT(virDomainAbortJob)(dom); }
int virTypedParamsAddString(virTypedParameterPtr* params, int* nparams, int* maxparams,
                            const char* name, const char* value) {
  return LIBVIRT(virTypedParamsAddString)(params, nparams, maxparams, name, value);
}
int virTypedParamsAddULLong(virTypedParameterPtr* params, int* nparams, int* maxparams,
                            const char* name, unsigned long long value) {
  return LIBVIRT(virTypedParamsAddULLong)(params, nparams, maxparams, name, value);
}
void virTypedParamsFree(virTypedParameterPtr params, int nparams) {
  LIBVIRT(virTypedParamsFree)(params, nparams);
}
}
