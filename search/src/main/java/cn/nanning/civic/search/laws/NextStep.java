package cn.nanning.civic.search.laws;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a law hit or an article leads: the catalogue items citing it, then the three steps every resident can take. */
@Serdeable
@Schema(description = "下一步：办理引用该条文的服务事项、预约免费法律咨询、申请法律援助或找村里的服务点")
record NextStep(
        @Schema(description = "CATALOGUE_ITEM 办理服务事项；CONSULTATION 预约免费法律咨询；LEGAL_AID 申请法律援助；SERVICE_POINT 找我村的服务点") String kind,
        @Schema(description = "给群众看的一句话，如“预约免费法律咨询”") String label,
        @Schema(description = "服务事项编码（办理服务事项时），如 NN-LD-001") @Nullable String catalogueItem,
        @Schema(description = "引用该事项的条文编号（办理服务事项时）") @Nullable String articleId) {

    static final String CATALOGUE_ITEM = "CATALOGUE_ITEM";
    static final String CONSULTATION = "CONSULTATION";
    static final String LEGAL_AID = "LEGAL_AID";
    static final String SERVICE_POINT = "SERVICE_POINT";
    /** Catalogue items listed per law hit at most (the article page lists all). */
    static final int ITEMS_PER_HIT = 3;

    static final List<NextStep> ALWAYS = List.of(
            new NextStep(CONSULTATION, "预约免费法律咨询", null, null),
            new NextStep(LEGAL_AID, "申请法律援助", null, null),
            new NextStep(SERVICE_POINT, "找我村的服务点", null, null));

    /** The items citing any of the articles (first cited first, each once, at most {@code max}), then {@link #ALWAYS}. */
    static List<NextStep> of(List<String> articleIds, Map<String, List<CitingItems.Item>> citing, int max) {
        Map<String, NextStep> items = new LinkedHashMap<>();
        for (String articleId : articleIds) {
            for (CitingItems.Item item : citing.getOrDefault(articleId, List.of())) {
                if (items.size() < max) {
                    items.putIfAbsent(item.code(), new NextStep(CATALOGUE_ITEM, "办理：" + item.name(), item.code(), articleId));
                }
            }
        }
        List<NextStep> steps = new ArrayList<>(items.values());
        steps.addAll(ALWAYS);
        return List.copyOf(steps);
    }
}
