package cn.nanning.civic.search.links;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The catalogue item page's legal basis, and a law page's services that cite it. Public, like the searches. */
@Controller("/api/v1/search")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "设定依据")
class LegalBasisController {

    private final LegalBasisLinks links;

    LegalBasisController(LegalBasisLinks links) {
        this.links = links;
    }

    @Get("/services/{code}/legal-basis")
    @Operation(summary = "服务事项的设定依据", description = "列出事项设定依据中引用的法律法规及条款，并链接到法规库中的现行版本和其中的条文（法规库未收录的没有 lawId，该版本没有的条号没有 articleId）。")
    LegalBasisLinks.ItemLegalBasis legalBasis(@PathVariable String code) {
        return links.ofItem(code);
    }

    @Get("/law-articles/{articleId}/services")
    @Operation(summary = "引用该法条的服务事项", description = "列出设定依据引用该条（按法规标题和条号，含该法规其他版本的同一条）的在用服务事项。")
    LegalBasisLinks.CitingArticle citingArticle(@PathVariable String articleId) {
        return links.citingArticle(articleId);
    }

    @Get("/laws/{lawId}/services")
    @Operation(summary = "引用该法规的服务事项", description = "列出设定依据引用该法律法规（任一版本）的在用服务事项。")
    LegalBasisLinks.CitingServices citing(@PathVariable String lawId) {
        return links.citing(lawId);
    }
}
