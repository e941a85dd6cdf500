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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
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

    @Get("/search{?name,idNumber,region,page}")
    @Secured("ADMIN")
    @Operation(summary = "Administrators search the volunteers of their area by full name, ID number (full or masked as shown) and region; masked, audited")
    java.util.List<Volunteers.VolunteerMatch> search(@Nullable @QueryValue String name, @Nullable @QueryValue String idNumber,
                                                     @Nullable @QueryValue String region, @Nullable @QueryValue Integer page,
                                                     Authentication authentication) {
        return volunteers.search(Caller.from(authentication), name, idNumber, region, page);
    }

    @Post("/me/portal-link-code")
    @Operation(summary = "A one-time code (10 minutes) with which the volunteer links their portal account (role VOLUNTEER) to this record")
    Volunteers.LinkCode portalLinkCode(Authentication authentication) {
        return volunteers.portalLinkCode(Caller.from(authentication));
    }

    @Post("/me/portal-link")
    @Secured("VOLUNTEER")
    @Operation(summary = "The signed-in portal account (role VOLUNTEER) enters the volunteer's one-time code and becomes linked to their record")
    VolunteerView linkPortalAccount(@Body PortalLink body, Authentication authentication) {
        return volunteers.linkPortalAccount(Caller.from(authentication), body.code());
    }

    @io.micronaut.http.annotation.Delete("/me/portal-link")
    @io.micronaut.http.annotation.Status(io.micronaut.http.HttpStatus.NO_CONTENT)
    @Operation(summary = "End the link between the volunteer's record and their portal account")
    void unlinkPortalAccount(Authentication authentication) {
        volunteers.unlinkPortalAccount(Caller.from(authentication));
    }

    @Serdeable
    record PortalLink(@Nullable String code) {
    }

    @Serdeable
    record TransferRequest(@Nullable String toRegion, @Nullable String reason) {
    }

    @Post("/me/transfers")
    @Operation(summary = "Move my volunteer record to another village/community (hours, record and certificates stay with it)")
    java.util.List<Volunteers.Transfer> transferMe(@Body TransferRequest body, Authentication authentication) {
        return volunteers.transfer(Caller.from(authentication), null, body.toRegion(), body.reason());
    }

    @Get("/me/transfers")
    @Operation(summary = "The moves of my volunteer record")
    java.util.List<Volunteers.Transfer> myTransfers(Authentication authentication) {
        return volunteers.transfersOf(Caller.from(authentication), null);
    }

    @Post("/{id}/transfers")
    @Secured("ADMIN")
    @Operation(summary = "An administrator covering the volunteer's current home moves the record to another village/community (audited)")
    java.util.List<Volunteers.Transfer> transfer(@PathVariable UUID id, @Body TransferRequest body, Authentication authentication) {
        return volunteers.transfer(Caller.from(authentication), id, body.toRegion(), body.reason());
    }

    @Get("/{id}/transfers")
    @Secured("ADMIN")
    @Operation(summary = "The moves of a volunteer's record (ADMIN covering the current home)")
    java.util.List<Volunteers.Transfer> transfers(@PathVariable UUID id, Authentication authentication) {
        return volunteers.transfersOf(Caller.from(authentication), id);
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
