package cn.nanning.civic.gateway.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads and role changes of staff accounts for administrators; sign-in itself stays with {@link StaffAccountRepository}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface StaffDirectoryRepository extends GenericRepository<StaffAccount, UUID> {

    @Query("""
            SELECT * FROM identity.staff_account
            WHERE region_code LIKE :regionPrefix || '%'
              AND (CAST(:role AS text) IS NULL OR (',' || roles || ',') LIKE '%,' || CAST(:role AS text) || ',%')
            ORDER BY region_code, username
            LIMIT 500""")
    List<StaffAccount> inArea(String regionPrefix, @Nullable String role);

    Optional<StaffAccount> findById(UUID id);

    List<StaffAccount> findByIdIn(Collection<UUID> ids);

    @Query("UPDATE identity.staff_account SET roles = :roles WHERE id = :id")
    int updateRoles(UUID id, String roles);

    @Query("UPDATE identity.staff_account SET enabled = :enabled WHERE id = :id")
    int updateEnabled(UUID id, boolean enabled);
}
