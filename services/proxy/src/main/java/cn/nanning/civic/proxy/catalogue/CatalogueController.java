package cn.nanning.civic.proxy.catalogue;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.paging.PageOf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.List;

/**
 * The service catalogue. Reading published items needs no sign-in (the mini-program opens an item from public search
 * before the resident signs in; the gateway's {@code catalogue-read} route is public for GET); a retired (unpublished)
 * item is read only by staff and answers 404 to everyone else. Publishing, changing and retiring are for ADMINs.
 */
@Controller("/api/v1/catalogue/items")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "catalogue", description = "政务服务事项目录")
class CatalogueController {

    private static final int MAX_PAGE_SIZE = 100;

    private final Catalogue catalogue;
    private final CatalogueItemRepository items;

    CatalogueController(Catalogue catalogue, CatalogueItemRepository items) {
        this.catalogue = catalogue;
        this.items = items;
    }

    @Post
    @Secured("ADMIN")
    @Operation(summary = "发布服务事项")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<CatalogueItemView> publish(@Body @Valid CatalogueItemDraft draft, Authentication caller) {
        CatalogueItem item = catalogue.publish(draft, caller.getName());
        return HttpResponse.created(CatalogueItemView.of(item), URI.create("/api/v1/catalogue/items/" + item.code()));
    }

    @Put("/{code}")
    @Secured("ADMIN")
    @Operation(summary = "修改服务事项", description = "每次修改版本号加一。")
    CatalogueItemView change(@PathVariable String code, @Body @Valid CatalogueItemDraft draft, Authentication caller) {
        return CatalogueItemView.of(catalogue.change(code, draft, caller.getName()));
    }

    @Delete("/{code}")
    @Secured("ADMIN")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "停用服务事项")
    void retire(@PathVariable String code, Authentication caller) {
        catalogue.retire(code, caller.getName());
    }

    @Get("/{code}")
    @Operation(summary = "查看服务事项（无需登录）",
            description = "已发布的事项任何人可查看，无需登录；materialsList 为按“；”拆分后的申请材料清单（materials 原文保留）。"
                    + "已停用的事项仅工作人员可查看，其他人查看答 404。")
    @ApiResponse(responseCode = "200", description = "服务事项", useReturnTypeSchema = true)
    CatalogueItemView one(@PathVariable String code, @Nullable Authentication caller) {
        boolean staff = caller != null && Caller.from(caller).isStaff();
        return CatalogueItemView.of(staff ? catalogue.findIncludingRetired(code) : catalogue.find(code));
    }

    @Get("/{code}/bundle")
    @Operation(summary = "打包快办包含的事项（无需登录）", description = "普通事项答空列表；事项不存在或已停用答 404。")
    List<String> bundle(@PathVariable String code) {
        catalogue.find(code);
        return catalogue.bundleParts(code);
    }

    @Get
    @Operation(summary = "服务事项目录（无需登录）", description = "已发布的事项，按事项编码排序，分页返回 {items, page, size, total}。")
    PageOf<CatalogueItemView> list(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "20") int size) {
        cn.nanning.civic.common.paging.Paging.offset(page, size, MAX_PAGE_SIZE);
        Page<CatalogueItemView> found = items.findByRetiredFalse(Pageable.from(page, size, Sort.of(Sort.Order.asc("code"))))
                .map(CatalogueItemView::of);
        return PageOf.of(found.getContent(), page, size, found.getTotalSize());
    }
}
