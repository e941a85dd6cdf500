package cn.nanning.civic.gateway.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CitizenAccountRepository extends CrudRepository<CitizenAccount, UUID> {

    Optional<CitizenAccount> findByOpenid(String openid);

    /** Two first sign-ins of one person at once must not create two accounts: the loser inserts nothing. */
    @Query("""
            INSERT INTO identity.citizen_account (id, openid, unionid, created_at, last_sign_in_at)
            VALUES (:id, :openid, :unionid, :at, :at) ON CONFLICT (openid) DO NOTHING""")
    int insertIfAbsent(UUID id, String openid, @Nullable String unionid, Instant at);

    @Query("UPDATE identity.citizen_account SET last_sign_in_at = :at, unionid = COALESCE(:unionid, unionid) WHERE id = :id")
    int signedIn(UUID id, @Nullable String unionid, Instant at);

    @Query("UPDATE identity.citizen_account SET phone_enc = :phoneEnc, phone_index = :phoneIndex, phone_bound_at = :at WHERE id = :id")
    int bindPhone(UUID id, String phoneEnc, String phoneIndex, Instant at);
}
