package cn.nanning.civic.volunteers.registration;

import cn.nanning.civic.common.identity.Caller;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.UUID;

@Controller("/api/v1/volunteers")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "volunteers", description = "志愿者实名注册、个人信息处理同意与撤回")
class RegistrationController {

    private final Volunteers volunteers;

    RegistrationController(Volunteers volunteers) {
        this.volunteers = volunteers;
    }

    @Post
    @Operation(summary = "Register the calling citizen as a volunteer (real name, ID number, separate sensitive-information consent)")
    HttpResponse<VolunteerView> register(@Body @Valid NewRegistration command, Authentication authentication) {
        VolunteerView view = volunteers.register(Caller.from(authentication), command);
        return HttpResponse.created(view, URI.create("/api/v1/volunteers/" + view.id()));
    }

    @Get("/me")
    @Operation(summary = "My volunteer record, masked")
    VolunteerView mine(Authentication authentication) {
        return volunteers.mine(Caller.from(authentication));
    }

    @Get("/me/id-number")
    @Operation(summary = "My full ID number (audited)")
    IdNumber myIdNumber(Authentication authentication) {
        return new IdNumber(volunteers.revealOwnIdNumber(Caller.from(authentication)));
    }

    @Post("/me/consent/withdrawal")
    @Operation(summary = "Withdraw consent to processing sensitive personal information: identity data is erased, volunteering stops")
    VolunteerView withdraw(Authentication authentication) {
        return volunteers.withdrawConsent(Caller.from(authentication));
    }

    @Get("/{id}")
    @Secured("ADMIN")
    @Operation(summary = "A volunteer's record for an admin of their home area, masked")
    VolunteerView one(@PathVariable UUID id, Authentication authentication) {
        return volunteers.forStaff(Caller.from(authentication), id);
    }

    @Get("/{id}/id-number")
    @Operation(summary = "Reveal a volunteer's full ID number to an admin of their home area, with a stated purpose (audited)")
    IdNumber idNumber(@PathVariable UUID id, @Nullable @QueryValue String reason, Authentication authentication) {
        return new IdNumber(volunteers.revealIdNumber(Caller.from(authentication), id, reason));
    }

    @Serdeable
    record IdNumber(String idNumber) {
    }
}
