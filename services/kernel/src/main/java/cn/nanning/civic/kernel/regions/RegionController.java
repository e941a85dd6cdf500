package cn.nanning.civic.kernel.regions;

import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Read access to Nanning's divisions, for pickers in the mini-program and the portal. */
@Controller("/api/v1/regions")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "regions", description = "南宁市行政区划")
class RegionController {

    private static final Pattern CODE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");
    private static final Set<String> LEVELS = Set.of("city", "district", "township", "village");

    private final RegionRepository regions;

    RegionController(RegionRepository regions) {
        this.regions = regions;
    }

    @Get("/{code}")
    @Operation(summary = "查询一个区划", description = "按统计用区划代码查询。")
    Region one(@PathVariable String code) {
        return regions.findById(validCode(code)).orElseThrow(() -> ProblemException.notFound("未找到区划代码 " + code + "。"));
    }

    @Get("/{code}/children")
    @Operation(summary = "下一级区划", description = "市下的县（市、区）、县（市、区）下的乡镇（街道）、乡镇（街道）下的村（社区）。")
    List<Region> children(@PathVariable String code) {
        String parent = validCode(code);
        if (!regions.existsById(parent)) {
            throw ProblemException.notFound("未找到区划代码 " + code + "。");
        }
        return regions.findByParentCodeOrderByCode(parent);
    }

    @Get
    @Operation(summary = "某一级的全部区划", description = "level 取 city（市）、district（县区）、township（乡镇街道）或 village（村社区）。")
    List<Region> byLevel(@QueryValue String level) {
        if (!LEVELS.contains(level)) {
            throw ProblemException.invalidField("level", "区划级别只能是 city、district、township 或 village。");
        }
        return regions.findByLevelOrderByCode(level);
    }

    private static String validCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemException.invalidField("code", "区划代码应为 6、9 或 12 位数字。");
        }
        return code;
    }
}
