package cn.nanning.civic.proxy;

import cn.nanning.civic.kernel.schema.ModuleSchema;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;

@Factory
class ProxySchema {

    @Bean
    ModuleSchema proxySchema() {
        return new ModuleSchema("proxy", "classpath:db/proxy", 10);
    }
}
