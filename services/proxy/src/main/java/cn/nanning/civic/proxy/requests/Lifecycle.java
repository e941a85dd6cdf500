package cn.nanning.civic.proxy.requests;

import cn.nanning.civic.kernel.calendar.WorkingDays;

import java.time.LocalDate;
import java.util.List;

/**
 * The rules of the proxy lifecycle, free of persistence: which step may follow which, what acceptance needs,
 * and the 3-working-day forwarding clock that starts at acceptance.
 */
public final class Lifecycle {

    /** Working days within which an accepted request must be forwarded to the competent office. */
    public static final int FORWARD_WITHIN_WORKING_DAYS = 3;

    private Lifecycle() {
    }

    /** Why a transition is refused, or null when it is allowed. */
    public static String refusal(RequestStatus current, RequestStatus wanted) {
        if (current.next() == wanted) {
            return null;
        }
        if (current == RequestStatus.FOLLOWED_UP) {
            return "该代办事项已完成回访，不能再变更状态。";
        }
        if (current == RequestStatus.WITHDRAWN) {
            return "居民已撤回该代办事项，不能再办理。";
        }
        return "当前状态为“" + current.label() + "”，下一步只能是“" + current.next().label() + "”，不能直接变为“" + wanted.label() + "”。";
    }

    /** Why the resident may not withdraw the request now, or null when they may: only before it is accepted (受理). */
    public static String withdrawalRefusal(RequestStatus current) {
        if (current == RequestStatus.AUTHORISED) {
            return null;
        }
        if (current == RequestStatus.WITHDRAWN) {
            return "该代办事项已撤回，无需再次撤回。";
        }
        return "该代办事项已受理（当前状态：" + current.label() + "），不能再撤回；如需停办，请联系服务点代办员。";
    }

    /** Acceptance needs every required material ticked on the checklist; returns the names still missing. */
    public static List<String> missingMaterials(List<String> required, List<String> ticked) {
        return required.stream().filter(name -> !ticked.contains(name)).toList();
    }

    public static LocalDate forwardDue(LocalDate acceptedOn, WorkingDays calendar) {
        return calendar.addWorkingDays(acceptedOn, FORWARD_WITHIN_WORKING_DAYS);
    }

    /** Overdue: accepted but not yet forwarded after the due day has passed. */
    public static boolean overdue(RequestStatus status, LocalDate forwardDue, LocalDate today) {
        return status == RequestStatus.ACCEPTED && forwardDue != null && today.isAfter(forwardDue);
    }
}
