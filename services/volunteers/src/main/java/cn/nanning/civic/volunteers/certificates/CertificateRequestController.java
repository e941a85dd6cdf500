package cn.nanning.civic.volunteers.certificates;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.paging.PageOf;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.UUID;

@Controller("/api/v1/volunteers")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "volunteer-certificates")
class CertificateRequestController {

    private final CertificateRequests requests;

    CertificateRequestController(CertificateRequests requests) {
        this.requests = requests;
    }

    @Post("/me/certificate-requests")
    @Operation(summary = "申请志愿服务证明", description = "志愿者本人申请出具证明（kind：SERVICE_HOURS 志愿服务时长证明），可写明用途；"
            + "须有已确认的服务时长；同一种证明同时只能有一份待处理的申请。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<CertificateViews.RequestView> requestCertificate(@Body @Valid CertificateViews.NewRequest body, Authentication authentication) {
        CertificateViews.RequestView view = requests.request(Caller.from(authentication), body);
        return HttpResponse.created(view, URI.create("/api/v1/volunteers/me/certificate-requests"));
    }

    @Get("/me/certificate-requests")
    @Operation(summary = "我的证明申请", description = "本人的证明申请及处理结果（待处理、已出具、未出具及原因），最新的在前，"
            + "分页返回 {items, page, size, total}；page 从 0 开始，size 为 1 到 50。")
    PageOf<CertificateViews.RequestView> myCertificateRequests(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "20") int size,
                                              Authentication authentication) {
        return requests.mine(Caller.from(authentication), page, size);
    }

    @Get("/certificate-requests")
    @Operation(summary = "待处理的证明申请", description = "本辖区志愿者待处理的证明申请，最早的在前，含志愿者脱敏姓名和已确认时长；"
            + "限活动组织者或管理员；分页返回 {items, page, size, total}。")
    PageOf<CertificateViews.RequestView> openCertificateRequests(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "20") int size,
                                              Authentication authentication) {
        return requests.open(Caller.from(authentication), page, size);
    }

    @Post("/certificate-requests/{id}/issue")
    @Operation(summary = "按申请出具证明", description = "以填写的组织名称和联系方式出具志愿服务证明，并通知志愿者；"
            + "限辖区覆盖该志愿者的活动组织者或管理员。")
    CertificateViews.RequestView issueRequestedCertificate(@PathVariable UUID id, @Body @Valid CertificateViews.Issue body, Authentication authentication) {
        return requests.issue(Caller.from(authentication), id, body);
    }

    @Post("/certificate-requests/{id}/decline")
    @Operation(summary = "不予出具证明", description = "须说明原因，志愿者会收到通知；限辖区覆盖该志愿者的活动组织者或管理员。")
    CertificateViews.RequestView declineCertificateRequest(@PathVariable UUID id, @Body @Valid CertificateViews.Decline body, Authentication authentication) {
        return requests.decline(Caller.from(authentication), id, body);
    }
}
