package cn.nanning.civic.search.catalogue;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Names unique to one test run, so reruns against the same dev stack never see each other's data. Digits only: the
 * departments can reach pages that other suites check for Latin-alphabet words.
 */
final class TestRun {

    static final String ID = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));

    private TestRun() {
    }

    static String index(String purpose) {
        return "catalogue-items-test-" + purpose + "-" + ID;
    }

    static String group(String purpose) {
        return "search-catalogue-test-" + purpose + "-" + ID;
    }

    static String code(String suffix) {
        return "T" + ID + "-" + suffix;
    }

    static String department(String name) {
        return name + "（测试" + ID + "）";
    }
}
