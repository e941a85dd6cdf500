package cn.nanning.civic.gateway.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A citizen known by the openid WeChat gives for our mini-program; the phone, when bound, only encrypted. */
@MappedEntity(value = "citizen_account", schema = "identity")
record CitizenAccount(@Id UUID id, String openid, @Nullable String unionid, Instant createdAt, Instant lastSignInAt,
                      @Nullable String phoneEnc, @Nullable String phoneIndex, @Nullable Instant phoneBoundAt) {
}
