package cn.nanning.civic.gateway.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity(value = "citizen_account", schema = "identity")
record CitizenAccount(@Id UUID id, String openid, @Nullable String unionid, Instant createdAt, Instant lastSignInAt) {
}
