package cn.nanning.civic.common.time;

import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class NanningInstantSerializerTest {

    @Serdeable
    record Slot(Instant startsAt, LocalDate day) {
    }

    @Test
    void instantsAreWrittenInNanningTimeWithTheirOffsetAndReadFromAnyOffset() throws IOException {
        try (ApplicationContext context = ApplicationContext.run()) {
            ObjectMapper json = context.getBean(ObjectMapper.class);
            Slot slot = new Slot(Instant.parse("2026-12-07T01:00:00.123456789Z"), LocalDate.parse("2026-12-07"));

            String written = json.writeValueAsString(slot);

            assertThat(written).isEqualTo("{\"startsAt\":\"2026-12-07T09:00:00.123+08:00\",\"day\":\"2026-12-07\"}");
            assertThat(json.readValue(written, Slot.class).startsAt()).isEqualTo(Instant.parse("2026-12-07T01:00:00.123Z"));
            assertThat(json.readValue("{\"startsAt\":\"2026-12-07T01:00:00Z\"}", Slot.class).startsAt())
                    .isEqualTo(Instant.parse("2026-12-07T01:00:00Z"));
        }
    }
}
