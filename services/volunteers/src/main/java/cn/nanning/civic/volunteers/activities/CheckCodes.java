package cn.nanning.civic.volunteers.activities;

import cn.nanning.civic.common.pii.FieldCipher;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The on-site check-in code of an activity changes every {@link #STEP}: it is derived from the activity's stored
 * secret and the current time step with the services' keyed hash, so nobody can work out a future code, and a photo of
 * the code taken earlier (or sent home to a friend) stops working a few minutes later. The code of the step before is
 * still accepted, so a volunteer typing it as it changes is not refused.
 */
@Singleton
public class CheckCodes {

    public static final Duration STEP = Duration.ofMinutes(2);
    /** What a check-in QR code holds before the activity id and the code: {@code civic-checkin:<activityId>:<code>}. */
    public static final String QR_PREFIX = "civic-checkin:";

    private final FieldCipher cipher;

    CheckCodes(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** The code shown now and until when it is shown. */
    public Current current(Activity activity, Instant now) {
        long step = step(now);
        return new Current(code(activity, step), Instant.ofEpochSecond((step + 1) * STEP.toSeconds()));
    }

    /** Whether a code typed or scanned now is the current one or the one just before. */
    public boolean accepts(Activity activity, String typed, Instant now) {
        if (typed == null) {
            return false;
        }
        String code = typed.strip();
        long step = step(now);
        return code.equals(code(activity, step)) || code.equals(code(activity, step - 1));
    }

    /** The text of the check-in QR code of an activity with the code shown now. */
    public static String payload(java.util.UUID activityId, String code) {
        return QR_PREFIX + activityId + ":" + code;
    }

    public record Current(String code, Instant changesAt) {
    }

    private static long step(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), STEP.toSeconds());
    }

    private String code(Activity activity, long step) {
        String digest = cipher.blindIndex(activity.id() + "|" + activity.checkCode() + "|" + step, "activity.check_code");
        long value = 0;
        for (byte b : digest.getBytes(StandardCharsets.US_ASCII)) {
            value = (value * 31 + (b & 0xFF)) % 1_000_000_007L;
        }
        return String.format("%06d", value % 1_000_000);
    }
}
