package cn.nanning.civic.council.councils;

import cn.nanning.civic.common.identity.RegionCodes;
import cn.nanning.civic.common.problem.ProblemException;

/** Turns a district, township or village code into the prefix every code inside it starts with. */
public final class RegionPrefixes {

    private RegionPrefixes() {
    }

    public static String of(String area) {
        String a = area == null ? "" : area.strip();
        if (!a.matches("\\d{6}|\\d{9}|\\d{12}")) {
            throw ProblemException.invalidField("region", "区域代码应为 6 位（市、县区）、9 位（乡镇街道）或 12 位（村社区）数字。");
        }
        return RegionCodes.significantPrefix(a);
    }
}
