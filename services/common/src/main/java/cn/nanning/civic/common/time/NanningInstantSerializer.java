package cn.nanning.civic.common.time;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Encoder;
import io.micronaut.serde.Serializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * One time dialect in every answer of every deployable: an instant is written as RFC 3339 in Nanning time with its
 * offset and at most millisecond precision ({@code 2026-12-07T09:00:00+08:00}, {@code …09:00:00.250+08:00}), the way
 * a client shows it, instead of UTC with up to nine fractional digits. Reading accepts any offset.
 */
@Singleton
@Primary
public final class NanningInstantSerializer implements Serializer<Instant> {

    /** China Standard Time, without daylight saving. */
    public static final ZoneOffset NANNING = ZoneOffset.ofHours(8);

    /** The instant as the API writes it. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.MILLIS).atOffset(NANNING));
    }

    @Override
    public void serialize(Encoder encoder, EncoderContext context, Argument<? extends Instant> type, Instant value) throws IOException {
        encoder.encodeString(format(value));
    }
}
