package cn.nanning.civic.common.paging;

import cn.nanning.civic.common.problem.ProblemException;

/**
 * The one check of a list's paging parameters: page from 0, size within the list's limit, and the window the
 * caller reaches ({@code (page + 1) × size}) within the list's limit. Computed in {@code long}, so a page such as
 * {@code 2147483647} is refused with a 400 instead of overflowing into a negative offset and a 500.
 */
public final class Paging {

    /** No list is paged beyond this many rows; lists with a smaller window say so. */
    public static final long DEFAULT_MAX_WINDOW = 10_000;

    private Paging() {
    }

    /** Validates the parameters and returns the row offset of the page. */
    public static int offset(int page, int size, int maxSize, long maxWindow) {
        if (page < 0) {
            throw ProblemException.invalidField("page", "页码不能小于 0。");
        }
        if (size < 1 || size > maxSize) {
            throw ProblemException.invalidField("size", "每页条数须在 1 到 " + maxSize + " 之间。");
        }
        if (((long) page + 1) * size > maxWindow) {
            throw ProblemException.invalidField("page", "最多只能翻看前 " + maxWindow + " 条结果，请缩小查询范围。");
        }
        return page * size;
    }

    /** {@link #offset(int, int, int, long)} with the default window. */
    public static int offset(int page, int size, int maxSize) {
        return offset(page, size, maxSize, DEFAULT_MAX_WINDOW);
    }
}
