package cn.nanning.civic.council.councils;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/council/councils")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "council-councils", description = "老友议事会：章程与表决规则、议事代表、召集人")
class CouncilController {

    private final Councils councils;

    CouncilController(Councils councils) {
        this.councils = councils;
    }

    @Post
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "设立老友议事会", description = "为村（社区）设立议事会；限辖区覆盖该村（社区）的召集人或管理员。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<CouncilViews.CouncilView> create(@Body @Valid NewCouncil body, Authentication authentication) {
        CouncilViews.CouncilView council = councils.create(Caller.from(authentication), body.regionCode(), body.name(), body.charter(),
                body.rules().toRules());
        return HttpResponse.created(council, URI.create("/api/v1/council/councils/" + council.id()));
    }

    @Get
    @Operation(summary = "某区域的议事会", description = "按县（区）、乡镇（街道）或村（社区）区划代码查询。")
    List<CouncilViews.CouncilSummary> inArea(@QueryValue String region) {
        return councils.inArea(region);
    }

    @Get("/{id}")
    @Operation(summary = "查看议事会", description = "含章程、议事规则、议事代表和召集人。")
    CouncilViews.CouncilView one(@PathVariable UUID id) {
        return councils.find(id);
    }

    @Put("/{id}/charter")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "修改章程", description = "修改章程正文及表决规则；限辖区内的召集人或管理员。")
    CouncilViews.CouncilView amend(@PathVariable UUID id, @Body @Valid CharterChange body, Authentication authentication) {
        return councils.amendCharter(Caller.from(authentication), id, body.charter(), body.rules().toRules());
    }

    @Post("/{id}/representatives")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "登记议事代表", description = "登记选出的议事代表及其任期；限辖区内的召集人或管理员。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<CouncilViews.RepresentativeView> addRepresentative(@PathVariable UUID id, @Body @Valid NewRepresentative body,
                                                                    Authentication authentication) {
        return HttpResponse.created(councils.addRepresentative(Caller.from(authentication), id, body.name(), body.duty(),
                body.termStart(), body.termEnd()));
    }

    @Get("/{id}/representatives")
    @Operation(summary = "议事代表名单", description = "含现任和历任议事代表。")
    List<CouncilViews.RepresentativeView> representatives(@PathVariable UUID id) {
        councils.require(id);
        return councils.representatives(id);
    }

    @Post("/{id}/conveners")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "指定召集人", description = "指定一个工作人员账号（角色 CONVENER）为本议事会召集人；限辖区内的召集人或管理员。")
    @ApiResponse(responseCode = "201", description = "已创建", useReturnTypeSchema = true)
    HttpResponse<CouncilViews.ConvenerView> addConvener(@PathVariable UUID id, @Body @Valid NewConvener body, Authentication authentication) {
        return HttpResponse.created(councils.addConvener(Caller.from(authentication), id, body.accountId(), body.displayName()));
    }

    @Delete("/{id}/conveners/{accountId}")
    @Secured({"CONVENER", "ADMIN"})
    @Operation(summary = "撤销召集人", description = "限辖区内的召集人或管理员。")
    @ApiResponse(responseCode = "204", description = "已完成，无内容")
    HttpResponse<Void> removeConvener(@PathVariable UUID id, @PathVariable String accountId, Authentication authentication) {
        councils.removeConvener(Caller.from(authentication), id, accountId);
        return HttpResponse.noContent();
    }

    @Serdeable
    record ThresholdInput(@NotNull(message = "请填写分子。") @Min(value = 1, message = "分子至少为 1。") @Max(value = 100, message = "分子不超过 100。") Integer numerator,
                          @NotNull(message = "请填写分母。") @Min(value = 1, message = "分母至少为 1。") @Max(value = 100, message = "分母不超过 100。") Integer denominator,
                          @NotBlank(message = "请选择比较方式（AT_LEAST 不少于 / MORE_THAN 超过）。") String comparison) {

        Threshold toThreshold(String field) {
            Threshold.Comparison c;
            try {
                c = Threshold.Comparison.valueOf(comparison);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField(field + ".comparison", "比较方式只能是 AT_LEAST（不少于）或 MORE_THAN（超过）。");
            }
            if (numerator > denominator) {
                throw ProblemException.invalidField(field, "比例不能超过 1（分子不能大于分母）。");
            }
            return new Threshold(numerator, denominator, c);
        }
    }

    @Serdeable
    record RulesInput(@NotBlank(message = "请选择决议机构（VILLAGERS_MEETING 村民会议 / REPRESENTATIVES_MEETING 村民代表会议）。") String resolutionBody,
                      @NotNull(message = "请填写到会人数要求。") @Valid ThresholdInput quorum,
                      @NotNull(message = "请填写表决通过要求。") @Valid ThresholdInput majority) {

        Councils.Rules toRules() {
            ResolutionBody body;
            try {
                body = ResolutionBody.valueOf(resolutionBody);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("rules.resolutionBody", "决议机构只能是村民会议（VILLAGERS_MEETING）或村民代表会议（REPRESENTATIVES_MEETING）。");
            }
            return new Councils.Rules(body, quorum.toThreshold("rules.quorum"), majority.toThreshold("rules.majority"));
        }
    }

    @Serdeable
    record NewCouncil(@NotBlank(message = "请填写村（社区）区划代码。") String regionCode,
                      @NotBlank(message = "请填写议事会名称。") @Size(max = 60, message = "名称不超过 60 个字。") String name,
                      @NotBlank(message = "请填写议事会章程。") @Size(max = 20000, message = "章程不超过 20000 个字。") String charter,
                      @NotNull(message = "请填写章程规定的表决规则。") @Valid RulesInput rules) {
    }

    @Serdeable
    record CharterChange(@NotBlank(message = "请填写议事会章程。") @Size(max = 20000, message = "章程不超过 20000 个字。") String charter,
                         @NotNull(message = "请填写章程规定的表决规则。") @Valid RulesInput rules) {
    }

    @Serdeable
    record NewRepresentative(@NotBlank(message = "请填写代表姓名。") @Size(max = 30, message = "姓名不超过 30 个字。") String name,
                             @Nullable @Size(max = 30, message = "职务不超过 30 个字。") String duty,
                             @NotNull(message = "请填写任期开始日期。") LocalDate termStart,
                             @NotNull(message = "请填写任期结束日期。") LocalDate termEnd) {
    }

    @Serdeable
    record NewConvener(@NotBlank(message = "请填写召集人账号。") @Size(max = 64, message = "账号不超过 64 个字符。") String accountId,
                       @NotBlank(message = "请填写召集人姓名。") @Size(max = 30, message = "姓名不超过 30 个字。") String displayName) {
    }
}
