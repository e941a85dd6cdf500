package cn.nanning.civic.appointments.booking;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.problem.ProblemException;

/** Place scoping: administrators act on places inside their region; nobody else administers. */
public final class Access {

    private Access() {
    }

    public static boolean adminOver(Caller caller, String regionCode) {
        return caller.isStaff() && caller.has(Role.ADMIN) && caller.covers(regionCode);
    }

    public static void requireAdminOver(Caller caller, String regionCode) {
        if (!adminOver(caller, regionCode)) {
            throw ProblemException.forbidden("该地点不在您的管理范围内。");
        }
    }
}
