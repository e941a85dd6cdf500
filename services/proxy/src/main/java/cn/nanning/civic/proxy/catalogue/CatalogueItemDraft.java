package cn.nanning.civic.proxy.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What an administrator submits to publish or change a catalogue item. */
@Serdeable
public record CatalogueItemDraft(
        @NotBlank(message = "事项编码不能为空") @Pattern(regexp = "[A-Za-z0-9-]{2,40}", message = "事项编码只能包含字母、数字和连字符，长度 2 到 40") String code,
        @NotBlank(message = "事项名称不能为空") @Size(max = 200, message = "事项名称不能超过 200 字") String name,
        @NotBlank(message = "事项类型不能为空") String type,
        @NotBlank(message = "实施部门不能为空") String department,
        @NotBlank(message = "实施层级不能为空") String implementingLevel,
        @Nullable @Size(max = 4000, message = "设定依据不能超过 4000 字") String legalBasis,
        @Nullable @Size(max = 4000, message = "受理条件不能超过 4000 字") String conditions,
        @Nullable @Size(max = 4000, message = "申请材料不能超过 4000 字") String materials,
        @Nullable String fee,
        @Nullable @Min(value = 0, message = "承诺时限不能为负数") @Max(value = 365, message = "承诺时限不能超过 365 个工作日") Integer timeLimitDays,
        @Nullable @Min(value = 0, message = "跑动次数不能为负数") @Max(value = 10, message = "跑动次数不能超过 10 次") Integer visits,
        @NotNull(message = "请说明是否可以代办") Boolean proxyAllowed,
        @Nullable String contact,
        @Nullable List<String> bundleOf) {
}
