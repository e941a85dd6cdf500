package cn.nanning.civic.appointments.booking;

import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;

public enum Mode {
    ONLINE("线上"),
    IN_PERSON("到场");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The mode a client asked for; in person when not given; a Chinese 400 for anything else. */
    public static Mode parse(@Nullable String value) {
        if (value == null) {
            return IN_PERSON;
        }
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("mode", "咨询方式只能是 ONLINE（线上）或 IN_PERSON（到场）。");
        }
    }
}
