package cn.nanning.civic.indicators;

import cn.nanning.civic.kernel.schema.ModuleSchema;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;

/** The indicators module owns the PostgreSQL schema "indicators"; its migrations live in db/indicators. */
@Factory
class IndicatorsSchema {

    @Bean
    ModuleSchema indicatorsSchema() {
        return new ModuleSchema("indicators", "classpath:db/indicators", 50);
    }
}
