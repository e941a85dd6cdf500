package cn.nanning.civic.appointments.legalaid;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

/** The legal-aid application's choices with their Chinese wording, so clients keep no copy of them. */
@Controller("/api/v1/appointments/legal-aid")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "legal-aid", description = "法律援助")
class LegalAidReferenceController {

    /** One choice: the value to send, its Chinese label and, for exemption grounds, the article of 法律援助法. */
    @Serdeable
    record Choice(String code, String label, @Nullable String article) {
    }

    @Serdeable
    record Choices(List<Choice> items) {
    }

    @Get("/case-types")
    @Operation(summary = "法律援助事项类型", description = "《中华人民共和国法律援助法》第三十一条所列事项；申请时 caseType 取 code。")
    Choices caseTypes() {
        return new Choices(Arrays.stream(CaseType.values()).map(t -> new Choice(t.name(), t.label(), "第三十一条")).toList());
    }

    @Get("/exempt-grounds")
    @Operation(summary = "免予核查经济困难的情形", description = "法律援助法第三十二条（不受经济困难条件限制）与第四十二条"
            + "（免予核查经济困难状况）所列情形；申请时 exemptGround 取 code。")
    Choices exemptGrounds() {
        return new Choices(Arrays.stream(ExemptGround.values()).map(g -> new Choice(g.name(), g.label(), g.article())).toList());
    }
}
