package cn.nanning.civic.gateway.schema;

import cn.nanning.civic.common.pii.EncryptedColumns;
import cn.nanning.civic.common.pii.EncryptedColumns.Column;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;

import java.util.List;

/** What the gateway encrypts with the PII keys, for re-encryption after a key rotation. */
@Factory
class IdentityEncryptedColumns {

    @Bean
    EncryptedColumns identityEncryptedColumns() {
        return new EncryptedColumns(List.of(
                new Column("identity.citizen_account", "id", "phone_enc", "identity.citizen_account.phone_enc"),
                new Column("identity.citizen_profile", "account_id", "name_enc", "identity.citizen_profile.name_enc"),
                new Column("identity.citizen_profile", "account_id", "id_number_enc", "identity.citizen_profile.id_number_enc"),
                new Column("identity.staff_account", "id", "totp_secret", "identity.staff_account.totp_secret"),
                new Column("identity.signing_key", "kid", "private_jwk", "identity.signing_key.private_jwk")));
    }
}
