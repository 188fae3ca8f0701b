package org.craftline.reports.quality;

import java.util.List;
import org.craftline.aid.AidApi;
import org.craftline.reports.quality.Report.Figure;
import org.craftline.reports.quality.Report.Section;
import org.craftline.reports.quality.Report.Value;

/**
 * Section 8, student aid: recipients and yuan of the tuition waiver and the national grant in the school
 * year that ends in the report's year (2025-2026 for 2026), net of reversals, from the aid ledger.
 */
final class AidSection {

    static final int NUMBER = 8;

    private AidSection() {}

    static Section of(AidApi aid, long schoolId, int year) {
        int start = year - 1;
        List<AidApi.KindTotal> totals = aid.schoolYear(schoolId, start);
        AidApi.KindTotal waiver = totals.get(0);
        AidApi.KindTotal grant = totals.get(1);
        return new Section(
                NUMBER,
                "quality.s" + NUMBER,
                List.of(
                        new Figure("quality.aid.schoolYear", Value.text(start + "-" + year)),
                        new Figure("quality.aid.waiverRecipients", Value.count(waiver.recipients())),
                        new Figure("quality.aid.waiverYuan", Value.yuan(waiver.yuan())),
                        new Figure("quality.aid.grantRecipients", Value.count(grant.recipients())),
                        new Figure("quality.aid.grantYuan", Value.yuan(grant.yuan()))),
                List.of(),
                List.of("quality.aid.note"));
    }
}
