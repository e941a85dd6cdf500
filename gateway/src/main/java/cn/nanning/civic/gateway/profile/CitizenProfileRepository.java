package cn.nanning.civic.gateway.profile;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CitizenProfileRepository extends CrudRepository<CitizenProfile, UUID> {

    /** Saving twice at once (two taps) leaves one row, the later one. */
    @Query("""
            INSERT INTO identity.citizen_profile (account_id, name_enc, id_number_enc, id_number_index, consent_version,
                consented_at, updated_at)
            VALUES (:accountId, :nameEnc, :idNumberEnc, :idNumberIndex, :consentVersion, :at, :at)
            ON CONFLICT (account_id) DO UPDATE SET name_enc = EXCLUDED.name_enc, id_number_enc = EXCLUDED.id_number_enc,
                id_number_index = EXCLUDED.id_number_index, consent_version = EXCLUDED.consent_version,
                consented_at = EXCLUDED.consented_at, updated_at = EXCLUDED.updated_at""")
    void upsert(UUID accountId, String nameEnc, String idNumberEnc, String idNumberIndex, String consentVersion, Instant at);
}
