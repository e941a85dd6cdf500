package cn.nanning.civic.search.catalogue;

import java.util.UUID;

/** Names unique to one test run, so reruns against the same dev stack never see each other's data. */
final class TestRun {

    static final String ID = UUID.randomUUID().toString().substring(0, 8);

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
