package cn.nanning.civic.gateway;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

@OpenAPIDefinition(info = @Info(title = "civic-gateway", version = "v1",
        description = "南宁市民服务与志愿者平台 网关 API：登录、令牌、路由。各业务服务的文档见 /openapi/{service}.yml"))
@SecurityScheme(name = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class GatewayApplication {

    public static void main(String[] args) {
        Micronaut.run(GatewayApplication.class, args);
    }
}
