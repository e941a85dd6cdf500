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
    @Operation(summary = "我的志愿服务记录", description = "身份信息脱敏；含每次服务的时间、地点、内容和时长，以及培训、表彰和评价。")
    RecordViews.ServiceRecord mine(Authentication authentication) {
        return records.mine(Caller.from(authentication));
    }

    @Get("/{id}/record")
    @Operation(summary = "志愿者的服务记录", description = "本人所在组织记载的记录；限辖区覆盖该志愿者的活动组织者（ORGANIZER）或管理员（ADMIN）。")
    RecordViews.ServiceRecord forStaff(@PathVariable UUID id, Authentication authentication) {
        return records.forStaff(Caller.from(authentication), id);
    }

    @Post("/{id}/record/entries")
    @Operation(summary = "添加培训、表彰或评价", description = "记入志愿者的服务记录；限辖区覆盖该志愿者的活动组织者（ORGANIZER）或管理员（ADMIN）。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<RecordViews.Entry> add(@PathVariable UUID id, @Body @Valid RecordViews.NewEntry entry, Authentication authentication) {
        return HttpResponse.created(records.addEntry(Caller.from(authentication), id, entry));
    }
}
