package cn.nanning.civic.proxy.servicepoints;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;

/** Someone working at a service point: its clerk, or a volunteer helping there ("1 clerk + N volunteers"). */
@Introspected
@Serdeable
public record PointStaff(String accountId, String role) {
}
