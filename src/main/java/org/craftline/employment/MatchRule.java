package org.craftline.employment;

import java.util.Map;
import java.util.Set;
import org.craftline.enterprises.Industry;

/**
 * Matched employment ("对口"): a job fits the graduate's major when the employer's industry is one
 * the major trains for. The school may override the result with a reason.
 */
public final class MatchRule {

    private static final Set<Industry> CRAFTS = Set.of(Industry.JADE_CARVING, Industry.ARTS_CRAFTS);

    static final Map<String, Set<Industry>> BY_MAJOR = Map.of(
            "750106", CRAFTS, // 工艺美术
            "750107", CRAFTS, // 玉雕艺术
            "750108", CRAFTS, // 珠宝首饰镶嵌
            "660104", CRAFTS, // 电脑雕刻
            "730602", CRAFTS, // 珠宝玉石营销与导购
            "750110", Set.of(Industry.CARPET, Industry.ARTS_CRAFTS), // 地毯设计与织造
            "730701", Set.of(Industry.JADE_CARVING, Industry.CARPET, Industry.ARTS_CRAFTS)); // 电子商务 of the cluster

    private MatchRule() {}

    public static boolean matches(String majorCode, Industry industry) {
        return industry != null && BY_MAJOR.getOrDefault(majorCode, Set.of()).contains(industry);
    }
}
