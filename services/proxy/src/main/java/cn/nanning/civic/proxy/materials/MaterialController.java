package cn.nanning.civic.proxy.materials;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.kernel.documents.DisplayNames;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/proxy/requests/{requestId}/materials")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "proxy-materials", description = "代办材料上传与下载")
class MaterialController {

    private final Materials materials;

    MaterialController(Materials materials) {
        this.materials = materials;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "上传代办材料", description = "JPG、PNG 或 PDF 文件，按文件内容核验格式。checklistItem 为材料清单中的一项（与代办事项 "
            + "materials 中的 name 一致），上传即对应该项；不填为未对应清单的材料。清单中没有的项答 400，不保存文件。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<MaterialFile> upload(@PathVariable UUID requestId, @Part("file") CompletedFileUpload file,
                                      @Parameter(description = "材料清单中的一项（名称）") @Nullable @QueryValue String checklistItem,
                                      Authentication authentication) throws IOException {
        MaterialFile saved = materials.upload(Caller.from(authentication), requestId, checklistItem, file.getFilename(), file.getBytes());
        return HttpResponse.created(saved, URI.create("/api/v1/proxy/requests/" + requestId + "/materials/" + saved.id()));
    }

    @Get
    @Operation(summary = "代办申请已上传的材料", description = "按上传时间排序，含未对应材料清单的材料（checklistItem 为空）。")
    List<MaterialFile> list(@PathVariable UUID requestId, Authentication authentication) {
        return materials.list(Caller.from(authentication), requestId);
    }

    @Get("/{fileId}")
    @Operation(summary = "下载代办材料", description = "始终以附件形式下载。")
    HttpResponse<byte[]> download(@PathVariable UUID requestId, @PathVariable UUID fileId, Authentication authentication) {
        Materials.Download download = materials.download(Caller.from(authentication), requestId, fileId);
        return HttpResponse.ok(download.content())
                .contentType(download.file().contentType())
                .header("Content-Disposition", DisplayNames.attachment("material", download.file().displayName(), download.file().contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
    }
}
