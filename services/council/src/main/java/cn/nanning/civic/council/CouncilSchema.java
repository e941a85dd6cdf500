package cn.nanning.civic.council;

import cn.nanning.civic.kernel.schema.ModuleSchema;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;

/** The council module owns the PostgreSQL schema "council"; its migrations live in db/council. */
@Factory
class CouncilSchema {

    @Bean
    ModuleSchema councilSchema() {
        return new ModuleSchema("council", "classpath:db/council", 40);
    }
}
