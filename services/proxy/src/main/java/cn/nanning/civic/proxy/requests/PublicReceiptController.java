package cn.nanning.civic.proxy.requests;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What a 受理回执's QR code opens: the request's progress by its receipt number, without signing in. */
@Controller("/api/v1/proxy/public/receipts")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "proxy-requests")
class PublicReceiptController {

    private final Requests requests;

    PublicReceiptController(Requests requests) {
        this.requests = requests;
    }

    @Get("/{receiptNo}")
    @Operation(summary = "凭受理回执编号查询代办进度（无需登录）",
            description = "答复事项名称、当前状态、受理日期、转办期限、预计办结日期、服务点名称与电话及各环节时间；"
                    + "不含委托人姓名、电话和办理备注。须同时提供回执二维码中的查询码 code（回执编号按顺序编排，仅凭编号不能查询）；"
                    + "编号不存在或查询码不符均答 404。")
    ReceiptProgress receiptProgress(@PathVariable String receiptNo, @QueryValue @Nullable String code) {
        return requests.progress(receiptNo, code);
    }
}
