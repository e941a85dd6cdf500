package cn.nanning.civic.portal.gateway;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One administrative division as the regions API returns it; level is city, district, township or village. */
@Serdeable
public record Region(String code, String name, String level, @Nullable String parentCode) {
}
