package cn.nanning.civic.services;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The services deployable: one Micronaut application made of the domain modules on its classpath. */
@OpenAPIDefinition(info = @Info(title = "civic-services", version = "v1", description = "南宁市民服务与志愿者平台 业务服务 API"))
public class ServicesApplication {

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).mainClass(ServicesApplication.class).start();
    }
}
