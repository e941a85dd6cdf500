package cn.nanning.civic.proxy.requests;

import cn.nanning.civic.kernel.inbox.Inbox;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Writes the progress of a referred request (taken, closed with its outcome by legal aid or mediation) into the
 * request's timeline, so the clerk and the resident follow it where they already look.
 */
@Singleton
public class ReferralProgress {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralProgress.class);
    private static final String CONSUMER = "proxy.referral-progress";

    private final ProxyRequestRepository requests;
    private final Inbox inbox;

    ReferralProgress(ProxyRequestRepository requests, Inbox inbox) {
        this.requests = requests;
        this.inbox = inbox;
    }

    /** Adds one timeline step per event; unknown requests and redelivered events change nothing. */
    @Transactional
    public void record(UUID eventId, UUID requestId, @Nullable String target, @Nullable String status, @Nullable String outcome) {
        var request = requests.findById(requestId);
        if (request.isEmpty()) {
            LOG.warn("Referral progress for unknown proxy request {}", requestId);
            return;
        }
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        String office = "LEGAL_AID".equals(target) ? "法律援助" : "人民调解";
        String note = "CLOSED".equals(status)
                ? office + "已办结转介：" + (outcome == null ? "" : outcome)
                : office + "已接收转介，正在处理";
        requests.addStep(requestId, request.get().status().name(), note, "referral", "LEGAL_AID".equals(target) ? "法律援助机构" : "人民调解委员会",
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
