package cn.nanning.civic.appointments.referrals;

import cn.nanning.civic.common.kafka.DeadLetters;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.UUID;

/**
 * Opens a legal-aid or mediation referral for each proxy request a clerk refers ({@code proxy.referral.v1}).
 * Offsets are committed per record after the referral is stored; the inbox makes redeliveries harmless.
 */
@KafkaListener(groupId = "${civic.appointments.referrals.consumer-group:appointments-referrals}", offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryDelay = "1s", retryCount = 10))
@Requires(property = "civic.appointments.referrals.enabled", notEquals = "false")
class ReferralListener {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralListener.class);

    private final Referrals referrals;
    private final JsonMapper json;
    private final DeadLetters deadLetters;

    ReferralListener(Referrals referrals, JsonMapper json, DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.referrals = referrals;
        this.json = json;
    }

    @Topic("proxy.referral.v1")
    void receive(ConsumerRecord<String, String> record) {
        ProxyReferralEvent event;
        try {
            event = json.readValue(record.value(), ProxyReferralEvent.class);
        } catch (IOException | RuntimeException e) {
            deadLetters.send(record, "appointments-referrals", "unreadable: " + e.getMessage());
            return;
        }
        if (event.eventId() == null || event.referral() == null || event.referral().requestId() == null
                || event.referral().regionCode() == null || event.referral().target() == null) {
            deadLetters.send(record, "appointments-referrals", "incomplete: no event id, request, region or target");
            return;
        }
        ProxyReferralEvent.Body body = event.referral();
        boolean opened = referrals.receive(new Referrals.Received(UUID.fromString(event.eventId()), "PROXY_REQUEST",
                UUID.fromString(body.requestId()), body.target(), body.regionCode(), body.itemCode(), body.citizenAccountId()));
        LOG.info("Proxy request {} referred to {}: {}", body.requestId(), body.target(), opened ? "opened" : "already open");
    }

    @Serdeable
    record ProxyReferralEvent(@Nullable String eventId, @Nullable Body referral) {

        @Serdeable
        record Body(@Nullable String referralId, @Nullable String requestId, @Nullable String target,
                    @Nullable String regionCode, @Nullable String itemCode, @Nullable String citizenAccountId) {
        }
    }
}
