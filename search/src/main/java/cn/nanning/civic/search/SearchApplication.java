package cn.nanning.civic.search;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "civic-search", version = "v1",
        description = "南宁市民服务与志愿者平台 搜索 API：服务事项检索与输入提示。"))
public class SearchApplication {

    public static void main(String[] args) {
        Micronaut.run(SearchApplication.class, args);
    }
}
