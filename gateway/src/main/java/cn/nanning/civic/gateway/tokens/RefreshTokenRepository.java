package cn.nanning.civic.gateway.tokens;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RefreshTokenRepository extends CrudRepository<RefreshToken, UUID> {

    /** Locks the row so two concurrent uses of one token cannot both rotate it. */
    @Query("SELECT * FROM identity.refresh_token WHERE token_hash = :tokenHash FOR UPDATE")
    Optional<RefreshToken> findForUpdate(String tokenHash);

    @Query("UPDATE identity.refresh_token SET revoked_at = :at, rotated = :rotated WHERE id = :id AND revoked_at IS NULL")
    int revoke(UUID id, Instant at, boolean rotated);

    /** Takes the one grace of a rotated token; 0 when it was taken before. */
    @Query("UPDATE identity.refresh_token SET grace_used = TRUE WHERE id = :id AND rotated AND NOT grace_used")
    int takeGrace(UUID id);

    @Query("SELECT COUNT(*) FROM identity.refresh_token WHERE family_id = :familyId AND revoked_at IS NULL")
    long activeInFamily(UUID familyId);

    @Query("UPDATE identity.refresh_token SET revoked_at = :at WHERE family_id = :familyId AND revoked_at IS NULL")
    int revokeFamily(UUID familyId, Instant at);

    /** The sign-ins of the account that still hold a usable refresh token, i.e. may hold unexpired access tokens. */
    @Query("SELECT DISTINCT family_id FROM identity.refresh_token WHERE account_id = :accountId AND revoked_at IS NULL")
    List<UUID> activeFamilies(UUID accountId);

    @Query("UPDATE identity.refresh_token SET revoked_at = :at WHERE account_id = :accountId AND revoked_at IS NULL")
    int revokeAccount(UUID accountId, Instant at);
}
