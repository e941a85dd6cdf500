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
}
