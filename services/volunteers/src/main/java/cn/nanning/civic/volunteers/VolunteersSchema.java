package cn.nanning.civic.volunteers;

import cn.nanning.civic.common.pii.EncryptedColumns;
import cn.nanning.civic.common.pii.EncryptedColumns.Column;
import cn.nanning.civic.kernel.schema.ModuleSchema;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;

import java.util.List;

/** The volunteers module owns the PostgreSQL schema "volunteers"; its migrations live in db/volunteers. */
@Factory
class VolunteersSchema {

    @Bean
    ModuleSchema volunteersSchema() {
        return new ModuleSchema("volunteers", "classpath:db/volunteers", 20);
    }

    /** Personal data this module encrypts, for re-encryption after a key rotation. */
    @Bean
    EncryptedColumns volunteersEncryptedColumns() {
        return new EncryptedColumns(List.of(
                new Column("volunteers.volunteer", "id", "real_name", "volunteer.real_name"),
                new Column("volunteers.volunteer", "id", "id_number", "volunteer.id_number"),
                new Column("volunteers.volunteer", "id", "phone", "volunteer.phone"),
                new Column("volunteers.volunteer", "id", "guardian_name", "volunteer.guardian_name"),
                new Column("volunteers.volunteer", "id", "guardian_phone", "volunteer.guardian_phone")));
    }
}
