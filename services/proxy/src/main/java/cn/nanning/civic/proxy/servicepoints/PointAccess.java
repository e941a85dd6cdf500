package cn.nanning.civic.proxy.servicepoints;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.problem.ProblemException;
import jakarta.inject.Singleton;

/**
 * Who may act on a service point's work: the clerks and volunteers assigned to it, and supervisors — CLERK or ADMIN
 * staff whose region scope is a township or wider and covers the point. A village clerk sees only their own point.
 */
@Singleton
public class PointAccess {

    private final ServicePointRepository points;

    PointAccess(ServicePointRepository points) {
        this.points = points;
    }

    public boolean mayWorkOn(Caller caller, ServicePoint point) {
        if (!caller.isStaff()) {
            return false;
        }
        if (points.isStaff(point.id(), caller.accountId())) {
            return true;
        }
        return isSupervisor(caller) && caller.covers(point.regionCode());
    }

    public void requireWorkOn(Caller caller, ServicePoint point) {
        if (!mayWorkOn(caller, point)) {
            throw ProblemException.forbidden("您只能处理本服务点（或本人负责辖区）的代办事项。");
        }
    }

    /** Supervisors are scoped to a township (9-digit code) or a wider area; village-scoped clerks are not. */
    public static boolean isSupervisor(Caller caller) {
        return caller.isStaff() && (caller.has(Role.ADMIN) || caller.has(Role.CLERK))
                && caller.regionCode() != null && caller.regionCode().length() <= 9;
    }
}
