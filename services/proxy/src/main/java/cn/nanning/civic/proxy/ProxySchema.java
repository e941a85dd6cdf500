package cn.nanning.civic.proxy;

import cn.nanning.civic.common.pii.EncryptedColumns;
import cn.nanning.civic.common.pii.EncryptedColumns.Column;
import cn.nanning.civic.kernel.schema.ModuleSchema;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;

import java.util.List;

@Factory
class ProxySchema {

    @Bean
    ModuleSchema proxySchema() {
        return new ModuleSchema("proxy", "classpath:db/proxy", 10);
    }

    /** Personal data this module encrypts, for re-encryption after a key rotation. */
    @Bean
    EncryptedColumns proxyEncryptedColumns() {
        return new EncryptedColumns(List.of(
                new Column("proxy.proxy_request", "id", "resident_name", "proxy_request.resident_name"),
                new Column("proxy.proxy_request", "id", "resident_phone", "proxy_request.resident_phone")));
    }
}
