package cn.nanning.civic.appointments;

import cn.nanning.civic.kernel.schema.ModuleSchema;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;

/** The appointments module owns the PostgreSQL schema "appointments"; its migrations live in db/appointments. */
@Factory
class AppointmentsSchema {

    @Bean
    ModuleSchema appointmentsSchema() {
        return new ModuleSchema("appointments", "classpath:db/appointments", 30);
    }
}
