package cn.nanning.civic.proxy.catalogue;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** The catalogue's categories with their Chinese names, so clients group items without keeping labels themselves. */
@Controller("/api/v1/catalogue/categories")
// Reference data of the public catalogue: readable without signing in, like the items.
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "catalogue", description = "政务服务事项目录")
class CatalogueCategoryController {

    @Serdeable
    record Categories(List<CatalogueCategory.View> items) {
    }

    @Get
    @Operation(summary = "事项分类", description = "事项编码族（如 NN-SB-）对应的分类及中文名称；每个事项的 category 即其中之一。")
    Categories categories() {
        return new Categories(CatalogueCategory.views());
    }
}
