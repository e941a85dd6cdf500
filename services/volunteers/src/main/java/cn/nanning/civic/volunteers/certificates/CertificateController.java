package cn.nanning.civic.volunteers.certificates;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.paging.PageOf;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/volunteers")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "volunteer-certificates", description = "志愿服务证明：出具、下载、撤销")
class CertificateController {

    private final Certificates certificates;

    CertificateController(Certificates certificates) {
        this.certificates = certificates;
    }

    @Post("/{volunteerId}/certificates")
    @Operation(summary = "开具志愿服务证明", description = "证明志愿者已确认的服务时长；限辖区覆盖该志愿者的活动组织者或管理员。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<CertificateViews.CertificateView> issue(@PathVariable UUID volunteerId, @Body @Valid CertificateViews.Issue issue,
                                                         Authentication authentication) {
        CertificateViews.CertificateView view = certificates.issue(Caller.from(authentication), volunteerId, issue);
        return HttpResponse.created(view, URI.create(view.pdfPath()));
    }

    @Get("/me/certificates")
    @Operation(summary = "我的志愿服务证明", description = "本人获发的证明，最新的在前，分页返回 {items, page, size, total}；page 从 0 开始，size 为 1 到 50。")
    PageOf<CertificateViews.CertificateView> mine(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "20") int size,
                                                  Authentication authentication) {
        return certificates.mine(Caller.from(authentication), page, size);
    }

    @Get(value = "/certificates/{number}/pdf", produces = "application/pdf")
    @Operation(summary = "下载志愿服务证明 PDF", description = "限被证明的志愿者本人或开具地区的工作人员。")
    HttpResponse<byte[]> pdf(@PathVariable String number, Authentication authentication) {
        return HttpResponse.ok(certificates.pdf(Caller.from(authentication), number))
                .contentType(MediaType.of("application/pdf"))
                .header("Content-Disposition", "attachment; filename=\"certificate-" + number + ".pdf\"");
    }

    @Post("/certificates/{number}/revocation")
    @Operation(summary = "撤销志愿服务证明", description = "须说明理由；限开具地区的工作人员。")
    CertificateViews.CertificateView revoke(@PathVariable String number, @Body @Valid CertificateViews.Revoke revoke,
                                            Authentication authentication) {
        return certificates.revoke(Caller.from(authentication), number, revoke);
    }
}
