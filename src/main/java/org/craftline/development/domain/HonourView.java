package org.craftline.development.domain;

import java.time.OffsetDateTime;

/**
 * An honour as lists, pages and the API show it. The holder is the school ({@code SCHOOL}), a
 * student or graduate ({@code STUDENT}) or a staff member ({@code STAFF}); where the certificate
 * file lies stays inside.
 */
public record HonourView(
        long id,
        String schoolCode,
        String schoolName,
        String title,
        String awardingBody,
        String level,
        int fromYear,
        Integer toYear,
        String holderKind,
        String holderNumber,
        String holderName,
        String note,
        String certificateName,
        String certificateType,
        OffsetDateTime createdAt,
        int version) {

    public boolean hasCertificate() {
        return certificateType != null;
    }

    /** "2012", or "2010-2012" for a period. */
    public String period() {
        return toYear == null || toYear == fromYear ? String.valueOf(fromYear) : fromYear + "-" + toYear;
    }
}
