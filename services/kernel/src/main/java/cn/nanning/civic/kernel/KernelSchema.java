package cn.nanning.civic.kernel;

import cn.nanning.civic.kernel.schema.ModuleSchema;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;

@Factory
class KernelSchema {

    @Bean
    ModuleSchema kernelSchema() {
        return new ModuleSchema("kernel", "classpath:db/kernel", 0);
    }
}
