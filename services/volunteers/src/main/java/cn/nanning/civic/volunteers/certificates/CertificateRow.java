package cn.nanning.civic.volunteers.certificates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A certificate as stored: the identity is already masked, the total is the snapshot at issue time. */
record CertificateRow(String number, UUID volunteerId, String issuerName, String issuerContact, String issuerRegion, String issuedBy,
                      String maskedName, String maskedId, long totalMinutes, LocalDate issuedOn, Instant issuedAt, String status,
                      Instant revokedAt, String revokeReason) {

    boolean revoked() {
        return "REVOKED".equals(status);
    }

    /** Hours with one decimal, rounded down so that a certificate never claims more than was confirmed. */
    BigDecimal hours() {
        return BigDecimal.valueOf(totalMinutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.DOWN);
    }

    String hoursText() {
        return hours().toPlainString();
    }
}
