package cn.nanning.civic.search.knowledge;

import java.util.Arrays;

/** How close a question is to a phrasing of the knowledge base: vectors and shared character pairs. */
public final class AnswerMatching {

    /** Weight of the character-bigram overlap next to the cosine (chosen on our own files, see docs/benchmarks.md). */
    public static final double OVERLAP_WEIGHT = 0.3;

    private AnswerMatching() {
    }

    public static double score(double cosine, double overlap) {
        return cosine + OVERLAP_WEIGHT * overlap;
    }

    /** Han characters, letters and digits only; punctuation and spaces say nothing about the question. */
    public static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The text's character bigrams as sorted, distinct ints (two UTF-16 units packed; CJK is in the BMP). */
    public static int[] bigrams(String normalised) {
        if (normalised.length() < 2) {
            return normalised.isEmpty() ? new int[0] : new int[]{normalised.charAt(0) << 16};
        }
        int[] pairs = new int[normalised.length() - 1];
        for (int i = 0; i + 1 < normalised.length(); i++) {
            pairs[i] = (normalised.charAt(i) << 16) | normalised.charAt(i + 1);
        }
        return Arrays.stream(pairs).sorted().distinct().toArray();
    }

    /** Dice coefficient of two sorted distinct arrays. */
    public static double dice(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * shared / (a.length + b.length);
    }

    public static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
