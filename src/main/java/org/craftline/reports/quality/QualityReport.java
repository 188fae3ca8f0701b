package org.craftline.reports.quality;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.craftline.aid.AidApi;
import org.craftline.indicators.EmploymentBreakdowns;
import org.craftline.indicators.IndicatorScope;
import org.craftline.indicators.Indicators;
import org.craftline.reports.quality.Report.Section;
import org.craftline.reports.support.OwnSchool;
import org.craftline.reports.support.SchoolFacts;
import org.craftline.shared.InvalidFieldException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles the annual quality report of a school: every rate and sum from the indicators, the
 * counts and lists the indicators do not hold from SchoolFacts, both after the indicators module
 * has checked that the user may read the school; the aid from the aid module's facade.
 */
@Service
class QualityReport {

    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2100;

    private final Indicators indicators;
    private final AidApi aid;
    private final EmploymentBreakdowns breakdowns;
    private final SchoolFacts facts;
    private final OwnSchool own;
    private final Clock clock;

    QualityReport(
            Indicators indicators,
            AidApi aid,
            EmploymentBreakdowns breakdowns,
            SchoolFacts facts,
            OwnSchool own,
            Clock clock) {
        this.indicators = indicators;
        this.aid = aid;
        this.breakdowns = breakdowns;
        this.facts = facts;
        this.own = own;
        this.clock = clock;
    }

    /** The report of the school (the user's own when none is given) for the year (the latest when none). */
    @Transactional(readOnly = true)
    Report of(String schoolCode, Integer year) {
        if (year != null && (year < FIRST_YEAR || year > LAST_YEAR)) {
            throw new InvalidFieldException("year", "quality.year.invalid");
        }
        Indicators.Request request = new Indicators.Request(own.codeOr(schoolCode), null, null, year, null, null);
        IndicatorScope scope = indicators.resolve(request);
        Map<String, Number> values = indicators.values(scope);
        long schoolId = scope.schoolIds().iterator().next();
        SchoolFacts.School school = facts.school(schoolId);
        var breakdown = breakdowns.byPoint(scope).stream()
                .filter(b -> b.followUp().equals(scope.point()))
                .findFirst()
                .orElse(null);
        // the latest round held for the year's graduates (the report's own point is usually graduation)
        var responses = breakdowns.responses(scope);
        var response = responses.isEmpty() ? null : responses.get(responses.size() - 1);
        QualitySections sections =
                new QualitySections(facts, schoolId, scope, values, breakdown, response, breakdowns.employers(scope));
        List<Section> all = List.of(
                sections.basic(school),
                sections.students(),
                sections.teaching(),
                sections.cooperation(),
                sections.social(),
                sections.funds(),
                sections.honours(),
                AidSection.of(aid, schoolId, scope.year()));
        return new Report(school, scope.year(), scope.point(), scope.term(), OffsetDateTime.now(clock), all);
    }

    /** Years to offer for the school: those with graduates, latest first. */
    @Transactional(readOnly = true)
    List<Integer> years(String schoolCode) {
        IndicatorScope scope = indicators.resolve(new Indicators.Request(schoolCode, null, null, null, null, null));
        return facts.graduationYears(scope.schoolIds().iterator().next());
    }

    /** The schools the user may pick when it has no school of its own. */
    @Transactional(readOnly = true)
    List<SchoolFacts.SchoolOption> schoolOptions() {
        IndicatorScope scope = indicators.resolve(new Indicators.Request(null, null, null, null, null, null));
        return facts.schoolOptions(scope.schoolIds());
    }
}
