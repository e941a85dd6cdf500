package cn.nanning.civic.kernel.regions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/** A division of Nanning: the city, a district/county, a township/street or a village/community. */
@Serdeable
@MappedEntity(value = "region", schema = "kernel")
public record Region(@Id String code, String name, String level, @Nullable String parentCode) {
}
