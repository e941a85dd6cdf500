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
        return "当前状态为“" + current.label() + "”，下一步只能是“" + current.next().label() + "”，不能直接变为“" + wanted.label() + "”。";
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
