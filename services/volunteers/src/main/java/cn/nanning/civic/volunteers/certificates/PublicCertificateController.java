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
    @Operation(summary = "Verify a certificate by its number (anyone; masked name and ID, hours, issuer); 404 unknown, 410 revoked")
    CertificateViews.Verification verify(@PathVariable String number) {
        return certificates.verify(number);
    }
}
