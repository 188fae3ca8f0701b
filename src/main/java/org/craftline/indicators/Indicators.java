package org.craftline.indicators;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.craftline.platform.GroupDirectory;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.platform.TenantDirectory;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.Term;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes every registered indicator for a school, a region or a group, within the user's scope. */
@Service
public class Indicators {

    private final List<Indicator> indicators;
    private final Tenancy tenancy;
    private final TenantDirectory directory;
    private final ObjectProvider<GroupDirectory> groups;
    private final JdbcClient jdbc;
    private final Summaries summaries;
    private final Clock clock;

    Indicators(
            List<Indicator> indicators,
            Tenancy tenancy,
            TenantDirectory directory,
            ObjectProvider<GroupDirectory> groups,
            JdbcClient jdbc,
            Summaries summaries,
            Clock clock) {
        this.indicators = indicators;
        this.tenancy = tenancy;
        this.directory = directory;
        this.groups = groups;
        this.jdbc = jdbc;
        this.summaries = summaries;
        this.clock = clock;
    }

    /** The follow-up points, in the order a graduate passes them. */
    public static final List<String> POINTS = List.of("AT_GRADUATION", "MONTHS_6", "YEAR_1", "YEAR_3", "LATER");

    /** What was asked: one of school, region, group (or none: the user's whole scope). */
    public record Request(String school, String region, Long group, Integer year, String point, String term) {}

    public record Answer(
            Map<String, Object> scope,
            OffsetDateTime asOf,
            int year,
            String point,
            String term,
            Map<String, Number> indicators) {}

    @Transactional(readOnly = true)
    public Answer compute(Request request) {
        IndicatorScope scope = resolve(request);
        return new Answer(
                describe(request, scope.schoolIds()),
                OffsetDateTime.now(clock),
                scope.year(),
                scope.point(),
                scope.term(),
                values(scope));
    }

    /** Every indicator of a resolved scope, by name (null where undefined). */
    @Transactional(readOnly = true)
    public Map<String, Number> values(IndicatorScope scope) {
        checkReadable(scope.schoolIds());
        Map<String, Number> values = new LinkedHashMap<>();
        indicators.forEach(i -> values.put(i.name(), i.compute(scope)));
        return values;
    }

    /**
     * The schools of a request that the user may read, with the year, point and term it means
     * (defaults filled in); fails as not found when the user may read none of them.
     */
    @Transactional(readOnly = true)
    public IndicatorScope resolve(Request request) {
        Set<Long> schools = schools(request);
        Long region = wholeRegion(request, schools);
        int year = request.year() != null ? request.year() : latestYear(schools, region);
        String point = request.point() == null || request.point().isBlank() ? "AT_GRADUATION" : request.point();
        if (!POINTS.contains(point)) {
            throw new InvalidFieldException("point", "indicators.point.invalid");
        }
        String term = request.term() == null || request.term().isBlank()
                ? latestTerm(new IndicatorScope(schools, year, point, "", region))
                : Term.parse(request.term()).toString();
        return new IndicatorScope(schools, year, point, term, region);
    }

    /** The region asked for, when the user may read every one of its schools (so its sums apply). */
    private Long wholeRegion(Request request, Set<Long> schools) {
        if (request.school() != null || request.region() == null) {
            return null;
        }
        Long region = directory.regionIdByCode(request.region()).orElse(null);
        return region != null && schools.equals(directory.schoolsInRegion(region)) ? region : null;
    }

    /**
     * The named indicators of each school of a scope (with the scope's year, point and term), for a
     * comparison: each indicator answers all the schools at once where it can. Every school must be
     * one the user may read.
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, Number>> eachSchool(Collection<String> names, IndicatorScope scope) {
        checkReadable(scope.schoolIds());
        Map<Long, Map<String, Number>> values = new LinkedHashMap<>();
        scope.schoolIds().forEach(id -> values.put(id, new LinkedHashMap<>()));
        indicators.stream()
                .filter(i -> names.contains(i.name()))
                .forEach(i -> i.each(scope).forEach((id, v) -> values.get(id).put(i.name(), v)));
        return values;
    }

    /** A school's place by one indicator: 1 + the schools above it, of the schools with a value. */
    public record Rank(int position, int of) {}

    /**
     * The rank of a school the user may read among other schools (e.g. its province's) by one
     * indicator, with the year, point and term of {@code like}; null when the school has no value.
     * Only the rank leaves this method, never another school's value, so the others need not be
     * readable by the user.
     */
    @Transactional(readOnly = true)
    public Rank rank(String name, long schoolId, Set<Long> among, IndicatorScope like) {
        checkReadable(Set.of(schoolId));
        Indicator indicator = indicators.stream()
                .filter(i -> i.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no indicator " + name));
        Set<Long> all = new HashSet<>(among);
        all.add(schoolId);
        Map<Long, Number> values = indicator.each(new IndicatorScope(all, like.year(), like.point(), like.term()));
        Number own = values.get(schoolId);
        if (own == null) {
            return null;
        }
        BigDecimal mine = new BigDecimal(own.toString());
        int above = 0;
        int of = 0;
        for (Number value : values.values()) {
            if (value != null) {
                of++;
                above += new BigDecimal(value.toString()).compareTo(mine) > 0 ? 1 : 0;
            }
        }
        return new Rank(above + 1, of);
    }

    private void checkReadable(Set<Long> schoolIds) {
        Scope scope = tenancy.scope();
        if (!schoolIds.stream().allMatch(scope::canRead)) {
            // a scope handed in by another module, not typed by the caller: it has no words of the
            // caller's to repeat, and the ids are ours
            throw new NotFoundException("indicator scope", null);
        }
    }

    private Set<Long> schools(Request request) {
        Scope scope = tenancy.scope();
        Set<Long> asked;
        if (request.school() != null) {
            asked = directory.schoolIdByCode(request.school()).map(Set::of).orElse(Set.of());
        } else if (request.region() != null) {
            asked = directory
                    .regionIdByCode(request.region())
                    .map(directory::schoolsInRegion)
                    .orElse(Set.of());
        } else if (request.group() != null) {
            asked = groups.getIfAvailable(() -> id -> Set.of()).schoolsInGroup(request.group());
        } else {
            return scope.unrestricted() ? allSchools() : scope.schoolIds();
        }
        Set<Long> visible = new HashSet<>(asked);
        visible.removeIf(id -> !scope.canRead(id));
        if (visible.isEmpty()) {
            throw notFound(request);
        }
        return visible;
    }

    /**
     * What the caller asked for, in its own words: the school or region code or the group number it
     * sent. The same for a code that does not exist and one outside the scope, so neither can be probed.
     */
    static NotFoundException notFound(Request request) {
        if (request.school() != null) {
            return new NotFoundException("school", request.school());
        }
        if (request.region() != null) {
            return new NotFoundException("region", request.region());
        }
        return new NotFoundException("group", String.valueOf(request.group()));
    }

    private Set<Long> allSchools() {
        return Set.copyOf(jdbc.sql("SELECT id FROM school").query(Long.class).list());
    }

    /**
     * The latest graduation year of the scope (from the cohort summary, which has a row for every
     * school, year and major with graduates), else this year. A whole region reads its own rows: a
     * maximum over the students of 500 schools is not one index probe but a scan of all of them.
     */
    private int latestYear(Set<Long> schools, Long region) {
        Integer year = null;
        if (!schools.isEmpty()) {
            summaries.current();
            IndicatorScope scope = new IndicatorScope(schools, 0, "", "", region);
            year = jdbc.sql(
                            region != null
                                    ? "SELECT MAX(graduation_year) FROM summary_region_cohort WHERE region_path = "
                                            + IndicatorScope.REGION_PATH
                                    : "SELECT MAX(graduation_year) FROM summary_cohort WHERE "
                                            + scope.schools("school_id"))
                    .params(scope.params())
                    .query(Integer.class)
                    .optional()
                    .orElse(null);
        }
        return year == null ? OffsetDateTime.now(clock).getYear() : year;
    }

    /**
     * The latest term with required practical items in the scope that has begun, else today's term
     * (from the practical-training summary, which has a row for every school, term and major with
     * required items).
     */
    private String latestTerm(IndicatorScope scope) {
        String today = Term.of(LocalDate.now(clock)).toString();
        String latest = null;
        if (!scope.schoolIds().isEmpty()) {
            summaries.current();
            Map<String, Object> params = new LinkedHashMap<>(scope.params());
            params.put("today", today);
            latest = jdbc.sql(
                            scope.region() != null
                                    ? "SELECT MAX(term) FROM summary_region_practical WHERE region_path = "
                                            + IndicatorScope.REGION_PATH + " AND term <= :today"
                                    : "SELECT MAX(term) FROM summary_practical WHERE " + scope.schools("school_id")
                                            + " AND term <= :today")
                    .params(params)
                    .query(String.class)
                    .optional()
                    .orElse(null);
        }
        return latest == null ? today : latest;
    }

    private static Map<String, Object> describe(Request request, Set<Long> schools) {
        Map<String, Object> scope = new LinkedHashMap<>();
        if (request.school() != null) {
            scope.put("school", request.school());
        } else if (request.region() != null) {
            scope.put("region", request.region());
        } else if (request.group() != null) {
            scope.put("group", request.group());
        }
        scope.put("schools", schools.size());
        return scope;
    }
}
