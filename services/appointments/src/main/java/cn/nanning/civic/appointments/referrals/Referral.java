package cn.nanning.civic.appointments.referrals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A case another capability referred to legal aid or mediation. {@code sourceId} links back to the source
 * (e.g. the proxy request, readable at /api/v1/proxy/requests/{sourceId} by those allowed); nothing personal is copied.
 */
@Serdeable
public record Referral(UUID id, String source, UUID sourceId, String target, String targetLabel, String regionCode,
                       @Nullable String itemCode, String status, String statusLabel, Instant receivedAt,
                       @Nullable String takenBy, @Nullable Instant takenAt, @Nullable Instant closedAt,
                       @Nullable String outcome) {

    static String targetLabel(String target) {
        return "LEGAL_AID".equals(target) ? "法律援助" : "人民调解";
    }

    static String statusLabel(String status) {
        return switch (status) {
            case "OPEN" -> "待接收";
            case "TAKEN" -> "已接收";
            default -> "已办结";
        };
    }
}
