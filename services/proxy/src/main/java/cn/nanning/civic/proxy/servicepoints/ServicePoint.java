package cn.nanning.civic.proxy.servicepoints;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** The service point of one village/community, where residents ask a clerk to handle matters for them. */
@Serdeable
@MappedEntity(value = "service_point", schema = "proxy")
public record ServicePoint(@Id UUID id, String regionCode, String name, @Nullable String address, @Nullable String phone,
                           boolean active, Instant createdAt) {
}
