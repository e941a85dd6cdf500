package cn.nanning.civic.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;

/** A staff member's display preferences as the gateway keeps them; {@code largeText} is 大字模式. */
@Serdeable
public record DisplayPreferences(boolean largeText) {

    public static final DisplayPreferences DEFAULT = new DisplayPreferences(false);
}
