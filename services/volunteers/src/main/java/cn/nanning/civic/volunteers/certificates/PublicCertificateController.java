package cn.nanning.civic.volunteers.certificates;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What a certificate's QR code opens: no sign-in, masked data only. */
@Controller("/api/v1/volunteers/public/certificates")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "volunteer-certificates")
class PublicCertificateController {

    private final Certificates certificates;

    PublicCertificateController(Certificates certificates) {
        this.certificates = certificates;
    }

    @Get("/{number}")
    @Operation(summary = "核验志愿服务证明", description = "任何人可按证明编号核验，返回脱敏的姓名和身份证号、服务时长与开具单位；编号不存在答 404，已撤销答 410。")
    CertificateViews.Verification verify(@PathVariable String number) {
        return certificates.verify(number);
    }
}
