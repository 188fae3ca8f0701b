package org.craftline.jobs.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A posting as lists, pages and the API show it. {@code majors} are the wanted majors' names joined
 * by "、"; {@code hiddenReason} is the reader's school's reason when its school hid it.
 */
public record PostingView(
        long id,
        long enterpriseId,
        String enterpriseName,
        String industry,
        PostingKind kind,
        String position,
        String majors,
        String majorCodes,
        Integer minSkillRank,
        int headcount,
        BigDecimal payFrom,
        BigDecimal payTo,
        String town,
        LocalDate startsOn,
        LocalDate deadline,
        String description,
        boolean closed,
        String publishedBy,
        Long schoolId,
        long applications,
        String hiddenReason,
        int version) {

    public boolean hidden() {
        return hiddenReason != null;
    }
}
