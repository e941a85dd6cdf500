package cn.nanning.civic.council;

import cn.nanning.civic.common.pii.EncryptedColumns;
import cn.nanning.civic.common.pii.EncryptedColumns.Column;
import cn.nanning.civic.kernel.schema.ModuleSchema;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;

import java.util.List;

/** The council module owns the PostgreSQL schema "council"; its migrations live in db/council. */
@Factory
class CouncilSchema {

    @Bean
    ModuleSchema councilSchema() {
        return new ModuleSchema("council", "classpath:db/council", 40);
    }

    /** Personal data this module encrypts, for re-encryption after a key rotation. */
    @Bean
    EncryptedColumns councilEncryptedColumns() {
        return new EncryptedColumns(List.of(
                new Column("council.topic", "id", "resident_name", "council.topic.resident_name")));
    }
}
