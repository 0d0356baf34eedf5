#include "hakit/conformance.h"

#include "hakit/conformance_steps.h"

namespace hakit::cli {

Report run_conformance(const AgentTarget& target, const CheckObserver& observer) {
  CheckSession session(target, observer);
  check_metadata(session);
  if (check_configuration(session)) {
    try {
      check_lifecycle(session);
    } catch (const LifecycleAborted&) {
      session.record({.verdict = Verdict::kSkip,
                      .title = "remaining lifecycle checks",
                      .detail = "not run after the failure above"});
    }
    check_final_stop(session);
  } else {
    session.record({.verdict = Verdict::kSkip,
                    .title = "lifecycle checks",
                    .detail = "not run: validate-all rejected the configuration (are the required "
                              "parameters given with -p?)"});
  }
  check_every_run(session);
  return session.report();
}

}  // namespace hakit::cli
