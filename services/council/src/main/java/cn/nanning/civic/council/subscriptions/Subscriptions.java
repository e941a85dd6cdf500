package cn.nanning.civic.council.subscriptions;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.council.CouncilClock;
import cn.nanning.civic.council.Db;
import cn.nanning.civic.council.councils.Councils;
import cn.nanning.civic.kernel.notifications.CitizenNotifications;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Residents subscribe to a council; when it publishes a resolution or an implementation result (progress, done),
 * every subscriber gets a WeChat notice, requested in the same transaction as the publication.
 */
@Singleton
public class Subscriptions {

    static final String TEMPLATE = "council-publication";

    private final Db db;
    private final Councils councils;
    private final CitizenNotifications notifications;
    private final CouncilClock clock;

    Subscriptions(Db db, Councils councils, CitizenNotifications notifications, CouncilClock clock) {
        this.db = db;
        this.councils = councils;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Serdeable
    public record SubscriptionView(UUID councilId, boolean subscribed) {
    }

    /** What was published, as the notice says it. */
    public enum Publication {
        RESOLUTION("决议公开"), PROGRESS("实施进度公开"), DONE("实施完成");

        final String label;

        Publication(String label) {
            this.label = label;
        }
    }

    @Transactional
    SubscriptionView subscribe(Caller caller, UUID councilId, boolean on) {
        if (caller.isStaff() || !caller.has(Role.CITIZEN)) {
            throw ProblemException.forbidden("只有居民可以订阅议事会公开信息。");
        }
        councils.require(councilId);
        if (on) {
            db.update("insert into council.council_subscription (council_id, account_id, created_at) values (?, ?, ?) on conflict do nothing",
                    councilId, caller.accountId(), clock.now());
        } else {
            db.update("delete from council.council_subscription where council_id = ? and account_id = ?", councilId, caller.accountId());
        }
        return status(caller, councilId);
    }

    @Transactional
    SubscriptionView status(Caller caller, UUID councilId) {
        councils.require(councilId);
        return new SubscriptionView(councilId, db.count("select count(*) from council.council_subscription where council_id = ? and account_id = ?",
                councilId, caller.accountId()) > 0);
    }

    /** Tells every subscriber; runs inside the publishing transaction. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public int notifySubscribers(UUID councilId, UUID decisionId, String title, Publication what, int percent) {
        List<String> accounts = db.list("select account_id from council.council_subscription where council_id = ? order by account_id",
                rs -> rs.getString(1), councilId);
        String shortTitle = title.length() <= 20 ? title : title.substring(0, 19) + "…";
        for (String account : accounts) {
            notifications.notify(account, TEMPLATE, Map.of("thing1", shortTitle, "phrase2", what.label, "number3", String.valueOf(percent)),
                    "pages/council/decision?id=" + decisionId);
        }
        return accounts.size();
    }
}
