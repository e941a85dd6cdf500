package cn.nanning.civic.volunteers.records;

import cn.nanning.civic.common.identity.Caller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

import java.util.UUID;

@Controller("/api/v1/volunteers")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "volunteer-records", description = "志愿服务记录：身份、服务、培训、表彰、评价")
class ServiceRecordController {

    private final ServiceRecords records;

    ServiceRecordController(ServiceRecords records) {
        this.records = records;
    }

    @Get("/me/record")
    @Operation(summary = "My service record (identity masked, services with time/place/content/hours, training, awards, evaluations)")
    RecordViews.ServiceRecord mine(Authentication authentication) {
        return records.mine(Caller.from(authentication));
    }

    @Get("/{id}/record")
    @Operation(summary = "A volunteer's record as kept by the caller's organisation (ORGANIZER or ADMIN covering the volunteer)")
    RecordViews.ServiceRecord forStaff(@PathVariable UUID id, Authentication authentication) {
        return records.forStaff(Caller.from(authentication), id);
    }

    @Post("/{id}/record/entries")
    @Operation(summary = "Add training, an award or an evaluation to a volunteer's record (ORGANIZER or ADMIN covering the volunteer)")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<RecordViews.Entry> add(@PathVariable UUID id, @Body @Valid RecordViews.NewEntry entry, Authentication authentication) {
        return HttpResponse.created(records.addEntry(Caller.from(authentication), id, entry));
    }
}
