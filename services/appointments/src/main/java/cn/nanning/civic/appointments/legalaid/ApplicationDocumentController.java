package cn.nanning.civic.appointments.legalaid;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.kernel.documents.DisplayNames;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/appointments/legal-aid/applications/{applicationId}/documents")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "legal-aid", description = "法律援助：法律咨询预约与法律援助申请")
class ApplicationDocumentController {

    private final ApplicationDocuments documents;

    ApplicationDocumentController(ApplicationDocuments documents) {
        this.documents = documents;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "上传证明材料", description = "申请尚未办结时可上传 JPG、PNG 或 PDF 文件，按文件内容核验格式。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<ApplicationDocuments.Document> upload(@PathVariable UUID applicationId, @Part("file") CompletedFileUpload file,
                                                       Authentication authentication) throws IOException {
        var saved = documents.upload(Caller.from(authentication), applicationId, file.getFilename(), file.getBytes());
        return HttpResponse.created(saved,
                URI.create("/api/v1/appointments/legal-aid/applications/" + applicationId + "/documents/" + saved.id()));
    }

    @Get
    @Operation(summary = "申请的证明材料", description = "仅申请人和经办工作人员可查看。")
    List<ApplicationDocuments.Document> list(@PathVariable UUID applicationId, Authentication authentication) {
        return documents.list(Caller.from(authentication), applicationId);
    }

    @Get("/{documentId}")
    @Operation(summary = "下载证明材料", description = "始终以附件形式下载；记入审计日志。")
    HttpResponse<byte[]> download(@PathVariable UUID applicationId, @PathVariable UUID documentId, Authentication authentication) {
        var download = documents.download(Caller.from(authentication), applicationId, documentId);
        return HttpResponse.ok(download.content())
                .contentType(download.document().contentType())
                .header("Content-Disposition", DisplayNames.attachment("document", download.document().displayName(),
                        download.document().contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
    }
}
