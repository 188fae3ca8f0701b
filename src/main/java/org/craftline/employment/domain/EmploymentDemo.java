package org.craftline.employment.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.craftline.employment.MatchRule;
import org.craftline.enterprises.EnterprisesApi;
import org.craftline.enterprises.EnterprisesApi.EnterpriseRef;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.DemoContributor;
import org.craftline.shared.DistinctIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Graduates and their destinations: 28,400 Zhenping graduates of 2008-2026 (the profile's figure),
 * most working in the county's jade-carving and carpet workshops, fewer for the other schools.
 * Deterministic (fixed seed); bulk inserts so the demo loads in seconds.
 */
@Component
class EmploymentDemo implements DemoContributor {

    static final int ZHENPING_GRADUATES = 28_400;
    private static final long SEED = 20_080_701L;
    private static final String[] MAJORS = {"750107", "750106", "750110", "750108", "660104", "730602", "730701"};
    private static final int[] MAJOR_WEIGHTS = {45, 15, 12, 10, 8, 5, 5};
    private static final String[] ELSEWHERE = {"广州番禺珠宝首饰厂", "深圳水贝珠宝有限公司", "郑州玉器城", "苏州玉雕工作室", "北京工艺美术厂"};

    private final OrganisationApi organisation;
    private final EnterprisesApi enterprises;
    private final JdbcTemplate jdbc;
    // one person, one ID: graduates take sequences 500-999 of a birth date (the students demo 000-499)
    private DistinctIds ids;

    EmploymentDemo(OrganisationApi organisation, EnterprisesApi enterprises, JdbcTemplate jdbc) {
        this.organisation = organisation;
        this.enterprises = enterprises;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public void load() {
        Random random = new Random(SEED);
        ids = new DistinctIds(500, 500);
        List<EnterpriseRef> county = enterprises.inRegion("411324");
        List<EnterpriseRef> city = enterprises.inRegion("411300");
        cohorts("4141013240", "411324", 2008, ZHENPING_GRADUATES, county, random);
        cohorts("4141013001", "411302", 2012, 2_000, city, random);
        cohorts("4141013250", "411325", 2014, 1_500, city, random);
    }

    private void cohorts(
            String schoolCode, String region, int firstYear, int total, List<EnterpriseRef> employers, Random random) {
        long schoolId = organisation.schoolIdByCode(schoolCode).orElseThrow();
        Map<String, Long> majors = organisation.majorsOffered(schoolId);
        int years = 2026 - firstYear + 1;
        int weightSum = 0;
        for (int y = 0; y < years; y++) {
            weightSum += 60 + 4 * y;
        }
        int given = 0;
        for (int y = 0; y < years; y++) {
            int year = firstYear + y;
            int count = y == years - 1 ? total - given : total * (60 + 4 * y) / weightSum;
            given += count;
            cohort(schoolId, region, year, count, majors, employers, random);
        }
    }

    private void cohort(
            long schoolId,
            String region,
            int year,
            int count,
            Map<String, Long> majors,
            List<EnterpriseRef> employers,
            Random random) {
        List<Object[]> students = new ArrayList<>(count);
        List<String> majorOf = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            String major = major(majors, random);
            majorOf.add(major);
            LocalDate birth = LocalDate.of(year - 18, 1 + random.nextInt(12), 1 + random.nextInt(28));
            boolean male = random.nextInt(100) < 60;
            String id = ids.next(region, birth, male, random.nextInt(500));
            students.add(new Object[] {
                schoolId,
                String.format("G%d%05d", year, n),
                "校友" + year + "-" + n,
                id,
                male ? "MALE" : "FEMALE",
                birth,
                random.nextInt(100) < 85 ? "RURAL" : "URBAN",
                majors.get(major),
                year - 3,
                year
            });
        }
        jdbc.batchUpdate("""
                INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household, phone,
                       major_id, class_id, entry_year, status, graduation_year)
                VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?, 'GRADUATED', ?)
                """, students);
        List<Long> ids = jdbc.queryForList(
                "SELECT id FROM student WHERE school_id = ? AND graduation_year = ? AND student_number LIKE 'G%' ORDER BY student_number",
                Long.class, schoolId, year);
        long schoolRegionId = jdbc.queryForObject("SELECT region_id FROM school WHERE id = ?", Long.class, schoolId);
        List<Object[]> destinations = new ArrayList<>(count * 4);
        for (int i = 0; i < ids.size(); i++) {
            destinations(ids.get(i), schoolId, schoolRegionId, year, majorOf.get(i), employers, random, destinations);
        }
        jdbc.batchUpdate("""
                INSERT INTO destination (student_id, school_id, graduation_year, follow_up, follow_up_rank, recorded_on, kind,
                       enterprise_id, employer_name, position, local_job, matched, matched_reason, source, confirmed, latest,
                       channel, sector, pay_band, contract, insured)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 'SCHOOL', TRUE, ?, ?, ?, ?, ?, ?)
                """, destinations);
    }

    private void destinations(
            long studentId,
            long schoolId,
            long schoolRegionId,
            int year,
            String major,
            List<EnterpriseRef> employers,
            Random random,
            List<Object[]> out) {
        List<FollowUp> points = new ArrayList<>(List.of(FollowUp.AT_GRADUATION));
        if (year <= 2025) {
            points.add(FollowUp.MONTHS_6);
            points.add(FollowUp.YEAR_1);
        }
        if (year <= 2023) {
            points.add(FollowUp.YEAR_3);
        }
        EnterpriseRef job = null;
        for (int p = 0; p < points.size(); p++) {
            FollowUp point = points.get(p);
            DestinationKind kind = kind(random, p);
            if (kind == DestinationKind.EMPLOYED && (job == null || random.nextInt(100) < 25)) {
                job = random.nextInt(100) < 92 ? employers.get(random.nextInt(employers.size())) : null;
            }
            boolean employed = kind == DestinationKind.EMPLOYED;
            // the self-employed run their own workshop, a unit of the registry (no draw: the demo stays as it was)
            EnterpriseRef employer = employed
                    ? job
                    : kind == DestinationKind.SELF_EMPLOYED
                            ? employers.get((int) (studentId % employers.size()))
                            : null;
            String elsewhere = employed && employer == null ? ELSEWHERE[random.nextInt(ELSEWHERE.length)] : null;
            boolean local = employer != null && employer.regionId() == schoolRegionId;
            Object[] terms = terms(kind, employer, studentId, p);
            out.add(new Object[] {
                studentId,
                schoolId,
                year,
                point.name(),
                point.rank(),
                recordedOn(year, point),
                kind.name(),
                employer == null ? null : employer.id(),
                elsewhere,
                employed ? "玉雕工" : null,
                local,
                employer != null && MatchRule.matches(major, employer.industry()),
                p == points.size() - 1,
                terms[0],
                terms[1],
                terms[2],
                terms[3],
                terms[4]
            });
        }
    }

    private static final int[] PAY_WEIGHTS = {5, 20, 35, 25, 10, 5};

    /**
     * Channel, sector, pay band, contract and insurance of a directly employed graduate, drawn from
     * a generator of the row's own (the demo's other draws stay as they were); pay rises a band at a
     * later point about every third time.
     */
    private static Object[] terms(DestinationKind kind, EnterpriseRef employer, long studentId, int point) {
        if (!kind.directlyEmployed()) {
            return new Object[5];
        }
        Random random = new Random(studentId * 8 + point);
        boolean employed = kind == DestinationKind.EMPLOYED;
        Sector sector = employer != null
                ? Sector.of(employer.industry())
                : random.nextInt(10) < 6 ? Sector.SECONDARY : Sector.TERTIARY;
        int roll = random.nextInt(100);
        Channel channel = roll < 55 ? Channel.SCHOOL : roll < 65 ? Channel.AGENCY : Channel.OTHER;
        int band = 0;
        for (int weight = random.nextInt(100); weight >= PAY_WEIGHTS[band]; band++) {
            weight -= PAY_WEIGHTS[band];
        }
        band = Math.min(band + (point > 0 && random.nextInt(3) == 0 ? 1 : 0), PayBand.values().length - 1);
        return new Object[] {
            employed ? channel.name() : null,
            sector == null ? null : sector.name(),
            PayBand.values()[band].name(),
            employed ? random.nextInt(100) < 85 : null,
            random.nextInt(100) < (employed ? 78 : 40)
        };
    }

    private static DestinationKind kind(Random random, int point) {
        int roll = random.nextInt(1000);
        int employed = point == 0 ? 790 : 840;
        if (roll < employed) {
            return DestinationKind.EMPLOYED;
        }
        if (roll < employed + 80) {
            return DestinationKind.FURTHER_STUDY;
        }
        if (roll < employed + 110) {
            return DestinationKind.SELF_EMPLOYED;
        }
        if (roll < employed + 125) {
            return DestinationKind.MILITARY;
        }
        return roll < employed + 165 ? DestinationKind.UNEMPLOYED : DestinationKind.UNKNOWN;
    }

    private static LocalDate recordedOn(int year, FollowUp point) {
        return switch (point) {
            case AT_GRADUATION -> LocalDate.of(year, 7, 1);
            case MONTHS_6 -> LocalDate.of(year + 1, 1, 1);
            case YEAR_1 -> LocalDate.of(year + 1, 7, 1);
            case YEAR_3 -> LocalDate.of(year + 3, 7, 1);
            case LATER -> LocalDate.of(year + 5, 7, 1);
        };
    }

    private static String major(Map<String, Long> offered, Random random) {
        int roll = random.nextInt(100);
        int cumulative = 0;
        for (int i = 0; i < MAJORS.length; i++) {
            cumulative += MAJOR_WEIGHTS[i];
            if (roll < cumulative && offered.containsKey(MAJORS[i])) {
                return MAJORS[i];
            }
        }
        return offered.keySet().stream().sorted().findFirst().orElseThrow();
    }
}
