package cn.nanning.civic.volunteers;

import cn.nanning.civic.kernel.schema.ModuleSchema;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;

/** The volunteers module owns the PostgreSQL schema "volunteers"; its migrations live in db/volunteers. */
@Factory
class VolunteersSchema {

    @Bean
    ModuleSchema volunteersSchema() {
        return new ModuleSchema("volunteers", "classpath:db/volunteers", 20);
    }
}
