package cn.nanning.civic.gateway.accounts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface StaffAccountRepository extends CrudRepository<StaffAccount, UUID> {

    /** Usernames are matched without regard to case, as people type them. */
    @Query("SELECT * FROM identity.staff_account WHERE lower(username) = lower(:username)")
    Optional<StaffAccount> findByUsernameIgnoringCase(String username);

    @Query("UPDATE identity.staff_account SET password_hash = :passwordHash WHERE id = :id")
    int updatePassword(UUID id, String passwordHash);

    @Query("UPDATE identity.staff_account SET enabled = false WHERE id = :id")
    int disable(UUID id);

    /** A new secret waits for its first code before it counts; until then any earlier enrolment stays as it was. */
    @Query("UPDATE identity.staff_account SET totp_secret = :secret, totp_enabled = false, totp_last_step = NULL WHERE id = :id AND NOT totp_enabled")
    int startTotp(UUID id, String secret);

    @Query("UPDATE identity.staff_account SET totp_enabled = true, totp_last_step = :step WHERE id = :id")
    int confirmTotp(UUID id, long step);

    /** An administrator's reset (lost phone): the member enrols again at the next sign-in. */
    @Query("UPDATE identity.staff_account SET totp_secret = NULL, totp_enabled = false, totp_last_step = NULL WHERE id = :id")
    int resetTotp(UUID id);

    /** Records the step used, only if it is later than the last one: a code works once. */
    @Query("UPDATE identity.staff_account SET totp_last_step = :step WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)")
    int useTotpStep(UUID id, long step);
}
