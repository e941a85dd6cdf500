package cn.nanning.civic.volunteers.hours;

import io.micronaut.core.annotation.Nullable;

/** Star levels by confirmed service hours: 100, 300, 600, 1000 and 1500 hours make one to five stars. */
public final class StarLevel {

    private static final int[] THRESHOLD_HOURS = {100, 300, 600, 1000, 1500};
    private static final String[] LABELS = {"未评星", "一星志愿者", "二星志愿者", "三星志愿者", "四星志愿者", "五星志愿者"};

    private StarLevel() {
    }

    /** Stars (0–5) for a number of confirmed minutes. */
    static int of(long confirmedMinutes) {
        int stars = 0;
        for (int threshold : THRESHOLD_HOURS) {
            if (confirmedMinutes >= threshold * 60L) {
                stars++;
            }
        }
        return stars;
    }

    /** The Chinese name of a star level (0–5). */
    public static String label(int stars) {
        return LABELS[stars];
    }

    /** Hours needed for the next star, or null at five stars. */
    @Nullable
    static Integer nextThresholdHours(int stars) {
        return stars < THRESHOLD_HOURS.length ? THRESHOLD_HOURS[stars] : null;
    }
}
