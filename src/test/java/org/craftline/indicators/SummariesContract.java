package org.craftline.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.craftline.aid.domain.AidKind;
import org.craftline.aid.domain.DisbursementForm;
import org.craftline.aid.domain.Disbursements;
import org.craftline.employment.domain.Channel;
import org.craftline.employment.domain.DestinationCorrections;
import org.craftline.employment.domain.DestinationForm;
import org.craftline.employment.domain.DestinationKind;
import org.craftline.employment.domain.Destinations;
import org.craftline.employment.domain.EmployerSurveys;
import org.craftline.employment.domain.EmploymentTerms;
import org.craftline.employment.domain.FollowUp;
import org.craftline.employment.domain.FollowUpAnswers;
import org.craftline.employment.domain.Graduations;
import org.craftline.employment.domain.PayBand;
import org.craftline.employment.domain.Sector;
import org.craftline.organisation.domain.Forms;
import org.craftline.organisation.domain.StaffCategory;
import org.craftline.organisation.domain.StaffMembers;
import org.craftline.organisation.domain.Views;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Role;
import org.craftline.platform.SignedLinks;
import org.craftline.platform.Tenancy;
import org.craftline.shared.Term;
import org.craftline.students.domain.StatusChangeKind;
import org.craftline.students.domain.StatusChanges;
import org.craftline.students.domain.StatusForm;
import org.craftline.support.JobsFixture;
import org.craftline.support.TestUsers;
import org.craftline.talent.domain.CertificateForm;
import org.craftline.talent.domain.CertificateStatus;
import org.craftline.talent.domain.Certificates;
import org.craftline.talent.domain.Grade;
import org.craftline.talent.domain.TalentSettings;
import org.craftline.training.domain.SessionForm;
import org.craftline.training.domain.TrainingSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The summaries are exact: random writes through the services (destinations, match corrections,
 * certificates, status changes, graduations, training sessions held and deleted, teachers'
 * qualifications, the talent designation, follow-up answers, employer ratings) and, after each, every
 * summarised indicator equals its live definition over the records, for one school, two schools, a
 * whole region, and each school at once, and so do the ministry's breakdown, the follow-up response
 * and the employer ratings of two schools and of a region; and verify finds 0 differences. Run on
 * both databases.
 */
abstract class SummariesContract {

    /** Writes per run: bounded; the seed is printed so a failure can be replayed. */
    abstract int writes();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Summaries summaries;

    @Autowired
    Indicators indicators;

    @Autowired
    List<Indicator> beans;

    @Autowired
    Destinations destinations;

    @Autowired
    DestinationCorrections corrections;

    @Autowired
    Certificates certificates;

    @Autowired
    StatusChanges statusChanges;

    @Autowired
    Graduations graduations;

    @Autowired
    TalentSettings talent;

    @Autowired
    TrainingSessions sessions;

    @Autowired
    StaffMembers staff;

    @Autowired
    EmploymentBreakdowns breakdowns;

    @Autowired
    FollowUpAnswers followUpAnswers;

    @Autowired
    EmployerSurveys employerSurveys;

    @Autowired
    SignedLinks links;

    @Autowired
    Disbursements disbursements;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @BeforeEach
    void operator() {
        CurrentUser operator = new CurrentUser(0, "test", "test", Role.SYSTEM_ADMIN, null, null, null, null, null);
        Tenancy.HasCurrentUser principal = () -> operator;
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(principal, null, Role.SYSTEM_ADMIN.authority()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theDemoEndsWithVerifyZero() {
        Summaries.Verification v = summaries.verify();
        assertThat(v.differences())
                .allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(v.total()).isZero();
        assertThat(summaries.state().rows().get("summary_cohort")).isPositive();
    }

    @Test
    void verifyFindsASummaryRowThatDiffersAndRebuildRepairsIt() {
        summaries.current();
        jdbc.sql("""
                        UPDATE summary_cohort SET graduates = graduates + 1
                        WHERE school_id = (SELECT id FROM school WHERE code = :c) AND graduation_year = 2025""").param("c", TestUsers.ZHENPING).update();
        Summaries.Verification v = summaries.verify();
        assertThat(v.differences().get("summary_cohort")).isPositive();
        assertThat(v.total()).isPositive();
        assertThat(summaries.rebuild()).isPositive();
        assertThat(summaries.verify().total()).isZero();
    }

    /**
     * The rows V84 wrote when it added the breakdown, response and employer summaries to an
     * installation with data are those the refresh computes: its statements run again over the demo's
     * records give 0 differences.
     */
    @Test
    void theMigrationFillsTheNewSummariesAsTheRefreshDoes() throws Exception {
        summaries.current();
        List<String> tables = List.of(
                "summary_breakdown",
                "summary_response",
                "summary_employer_rating",
                "summary_region_breakdown",
                "summary_region_response",
                "summary_region_employer_rating");
        assertThat(summaries.state().rows().get("summary_breakdown")).isPositive();
        tables.forEach(t -> jdbc.sql("DELETE FROM " + t).update());
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/common/V84__indicators_breakdown_summaries.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<String> inserts = java.util.Arrays.stream(migration.split(";\\s*\\n"))
                .map(statement -> statement.replaceAll("(?m)^--.*$", "").strip())
                .filter(statement -> statement.startsWith("INSERT"))
                .toList();
        assertThat(inserts).hasSize(6);
        inserts.forEach(statement -> jdbc.sql(statement).update());
        Summaries.Verification v = summaries.verify();
        for (String table : tables) {
            assertThat(v.differences().get(table)).as(table).isZero();
        }
        assertThat(summaries.state().rows().get("summary_employer_rating")).isPositive();
    }

    /** A reminder sent changes no figure and is not logged; an answer is, in the same transaction. */
    @Test
    void aReminderIsNotLoggedAndAnAnswerIs() {
        long school = school(TestUsers.ZHENPING);
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        long[] logged = tx.execute(status -> {
            long before = changes(school);
            int reminded = jdbc.sql("UPDATE follow_up_request SET reminders = reminders + 1, last_reminded_at = :now"
                            + " WHERE school_id = :s AND answered_at IS NULL")
                    .param("now", java.time.OffsetDateTime.now())
                    .param("s", school)
                    .update();
            long afterReminder = changes(school);
            jdbc.sql("UPDATE employer_rating SET remark = 'x' WHERE school_id = :s")
                    .param("s", school)
                    .update();
            long afterRemark = changes(school);
            jdbc.sql("UPDATE follow_up_request SET satisfaction = 3 WHERE id = (SELECT MIN(id) FROM follow_up_request"
                            + " WHERE school_id = :s AND answered_at IS NOT NULL)")
                    .param("s", school)
                    .update();
            status.setRollbackOnly();
            return new long[] {reminded, afterReminder - before, afterRemark - before, changes(school) - before};
        });
        assertThat(logged[0]).as("requests reminded").isPositive();
        assertThat(logged[1]).as("log rows after the reminders").isZero();
        assertThat(logged[2]).as("log rows after a remark").isZero();
        assertThat(logged[3]).as("log rows after a satisfaction changed").isPositive();
    }

    /**
     * The ledger's reversed flag and, on PostgreSQL, the student's name copied onto it (V97) change no
     * figure and are not logged; an amount is, in the same transaction.
     */
    @Test
    void aLedgerFlagIsNotLoggedAndAnAmountIs() {
        long school = school(TestUsers.ZHENPING);
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        long[] logged = tx.execute(status -> {
            long before = changes(school);
            int flagged = jdbc.sql("UPDATE aid_disbursement SET reversed = NOT reversed WHERE school_id = :s")
                    .param("s", school)
                    .update();
            if (org.craftline.shared.SqlVendor.postgres(jdbc)) {
                // the rename rewrites the ledger's copies (V97; H2 keeps none, and logs a student's every
                // change); a student without certificates or placements, whose copies (V70) are logged
                int renamed = jdbc.sql("UPDATE student SET name = name || '改' WHERE id = (SELECT MIN(d.student_id)"
                                + " FROM aid_disbursement d WHERE d.school_id = :s"
                                + " AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.student_id = d.student_id)"
                                + " AND NOT EXISTS (SELECT 1 FROM internship i WHERE i.student_id = d.student_id))")
                        .param("s", school)
                        .update();
                assertThat(renamed).as("a student with payments only renamed").isEqualTo(1);
            }
            long afterFlags = changes(school);
            jdbc.sql("UPDATE aid_disbursement SET amount = amount + 1 WHERE id = (SELECT MIN(id) FROM aid_disbursement"
                            + " WHERE school_id = :s AND amount > 0)")
                    .param("s", school)
                    .update();
            status.setRollbackOnly();
            return new long[] {flagged, afterFlags - before, changes(school) - before};
        });
        assertThat(logged[0]).as("ledger entries flagged").isPositive();
        assertThat(logged[1]).as("log rows after the flags and a rename").isZero();
        assertThat(logged[2]).as("log rows after an amount changed").isPositive();
    }

    private long changes(long school) {
        return jdbc.sql("SELECT COUNT(*) FROM summary_change WHERE school_id = :s")
                .param("s", school)
                .query(Long.class)
                .single();
    }

    /** A school moved to another county: its graduates' employers count in its new region's figures. */
    @Test
    void aSchoolThatMovesTakesItsEmployersToItsNewRegion() {
        long zhenping = school(TestUsers.ZHENPING);
        long county = jdbc.sql("SELECT region_id FROM school WHERE id = :s")
                .param("s", zhenping)
                .query(Long.class)
                .single();
        long elsewhere = jdbc.sql("SELECT id FROM region WHERE code = '411325'")
                .query(Long.class)
                .single();
        try {
            jdbc.sql("UPDATE school SET region_id = :r WHERE id = :s")
                    .param("r", elsewhere)
                    .param("s", zhenping)
                    .update();
            for (String code : List.of("411325", "411300")) {
                IndicatorScope scope = indicators.resolve(new Indicators.Request(null, code, null, 2025, null, null));
                assertThat(scope.region()).as(code).isNotNull();
                assertThat(beanNamed("enterprises_employing_graduates").compute(scope))
                        .as("distinct employers of %s after the move", code)
                        .isEqualTo(EmploymentIndicators.enterprisesEmployingGraduates(jdbc)
                                .compute(scope));
            }
            assertThat(summaries.verify().total()).isZero();
        } finally {
            jdbc.sql("UPDATE school SET region_id = :r WHERE id = :s")
                    .param("r", county)
                    .param("s", zhenping)
                    .update();
        }
        assertThat(summaries.verify().total()).isZero();
    }

    /**
     * A county made and deleted again, its school with it (as the jobs tests' fixture does): the
     * city's and the province's distinct counts follow, and no sum of the deleted county is left.
     * Then a county whose path changes (moved to another city): its schools' sums move with it.
     */
    @Test
    void aDeletedOrMovedCountyLeavesNoSumsBehind() {
        JobsFixture county = new JobsFixture(jdbc, "4199610001");
        county.create();
        jdbc.sql("INSERT INTO region (code, name, level, parent_id, path)"
                        + " SELECT '419800', '汇总测试市', 'CITY', id, '/410000/419800/' FROM region WHERE code = '410000'")
                .update();
        try {
            summaries.refresh();
            assertThat(regionSums("/410000/411300/" + JobsFixture.REGION + "/")).isPositive();
            assertDistinctEmployersAsLive("411300", "410000", JobsFixture.REGION);
            // the county moves to another city: its schools' sums leave the old city for the new
            jdbc.sql("UPDATE region SET parent_id = (SELECT id FROM region WHERE code = '419800'),"
                            + " path = '/410000/419800/' || code || '/' WHERE code = :r")
                    .param("r", JobsFixture.REGION)
                    .update();
            assertDistinctEmployersAsLive("411300", "410000", JobsFixture.REGION);
            assertThat(summaries.verify().total()).isZero();
            assertThat(regionSums("/410000/411300/" + JobsFixture.REGION + "/")).isZero();
            assertThat(regionSums("/410000/419800/" + JobsFixture.REGION + "/")).isPositive();
        } finally {
            county.remove();
            jdbc.sql("DELETE FROM region WHERE code = '419800'").update();
        }
        summaries.refresh();
        assertThat(regionSums("/410000/419800/" + JobsFixture.REGION + "/")).isZero();
        assertDistinctEmployersAsLive("411300", "410000");
        assertThat(summaries.verify().total()).isZero();
    }

    private long regionSums(String path) {
        return jdbc.sql("SELECT COUNT(*) FROM summary_region_employer WHERE region_path = :p")
                .param("p", path)
                .query(Long.class)
                .single();
    }

    private void assertDistinctEmployersAsLive(String... regions) {
        for (String code : regions) {
            IndicatorScope scope = indicators.resolve(new Indicators.Request(null, code, null, 2025, null, null));
            assertThat(scope.region()).as(code).isNotNull();
            assertThat(beanNamed("enterprises_employing_graduates").compute(scope))
                    .as("distinct employers of %s", code)
                    .isEqualTo(EmploymentIndicators.enterprisesEmployingGraduates(jdbc)
                            .compute(scope));
        }
    }

    private Indicator beanNamed(String name) {
        return beans.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void randomWritesKeepEverySummaryEqualToTheRecords() {
        long seed = Long.getLong("summaries.seed", System.nanoTime());
        System.out.println(getClass().getSimpleName() + " seed " + seed + " (replay: -Dsummaries.seed=" + seed + ")");
        Random random = new Random(seed);
        long zhenping = school(TestUsers.ZHENPING);
        long neixiang = school(TestUsers.NEIXIANG);
        List<Long> graduates = ids("""
                SELECT id FROM student WHERE school_id IN (:a, :b) AND status = 'GRADUATED'
                ORDER BY id FETCH FIRST 300 ROWS ONLY""", zhenping, neixiang);
        List<Long> enrolled = ids("""
                SELECT id FROM student WHERE school_id IN (:a, :b) AND status = 'ENROLLED'
                ORDER BY id FETCH FIRST 300 ROWS ONLY""", zhenping, neixiang);
        List<Long> employers = jdbc.sql("SELECT id FROM enterprise ORDER BY id FETCH FIRST 40 ROWS ONLY")
                .query(Long.class)
                .list();
        assertThat(graduates).isNotEmpty();
        assertThat(enrolled).isNotEmpty();

        // the demo's rounds and surveys of 2026 kept open whatever the date, so that their answers are written
        jdbc.sql("UPDATE follow_up_round SET closes_on = :on WHERE school_id IN (:a, :b) AND graduation_year = 2026")
                .param("on", LocalDate.now().plusDays(30))
                .param("a", zhenping)
                .param("b", neixiang)
                .update();
        jdbc.sql("UPDATE employer_survey SET closes_on = :on WHERE school_id IN (:a, :b) AND graduation_year = 2026")
                .param("on", LocalDate.now().plusDays(30))
                .param("a", zhenping)
                .param("b", neixiang)
                .update();
        Map<String, Integer> done = new TreeMap<>();
        Map<String, Integer> refused = new TreeMap<>();
        check("the start", zhenping, neixiang);
        for (int i = 0; i < writes(); i++) {
            // every kind of write once, then at random
            String op = switch (i < 12 ? i : random.nextInt(12)) {
                case 0, 1 -> destination(random, graduates, employers);
                case 2 -> correction(random, graduates);
                case 3 -> certificate(random, graduates);
                case 4 -> deleteCertificate(random, zhenping, neixiang);
                case 5 -> random.nextBoolean() ? status(random, enrolled, graduates) : graduate(random, enrolled);
                case 6 ->
                    random.nextBoolean()
                            ? session(random, zhenping, neixiang)
                            : deleteSession(random, zhenping, neixiang);
                case 7 -> teacher(random, zhenping, neixiang, i == 7);
                case 8 -> followUpAnswer(random, zhenping, neixiang, employers);
                case 9 -> employerRating(random, zhenping, neixiang);
                case 10 -> aidLedger(random, zhenping, neixiang);
                default -> designation(random);
            };
            boolean ok = !op.startsWith("refused ");
            (ok ? done : refused).merge(op.replaceFirst("^refused ", ""), 1, Integer::sum);
            check("write " + (i + 1) + " (" + op + ", seed " + seed + ")", zhenping, neixiang);
        }
        System.out.println(
                getClass().getSimpleName() + " writes done " + done + ", refused by the services " + refused);
        assertThat(done.values().stream().mapToInt(Integer::intValue).sum())
                .as("writes the services took")
                .isGreaterThanOrEqualTo(writes() / 2);
        assertThat(done)
                .as("writes the services took")
                .containsKeys("destination", "follow-up answer", "employer rating", "staff category");
    }

    /** Every summarised indicator against its live definition, for several scopes; and verify. */
    private void check(String after, long a, long b) {
        Map<String, Indicator> summarised = new LinkedHashMap<>();
        beans.forEach(i -> summarised.put(i.name(), i));
        IndicatorScope region = indicators.resolve(new Indicators.Request(null, "411300", null, 2025, null, null));
        assertThat(region.region()).isNotNull();
        List<IndicatorScope> scopes = new ArrayList<>();
        for (int year : List.of(2024, 2025)) {
            for (String point : List.of("AT_GRADUATION", "YEAR_1")) {
                scopes.add(new IndicatorScope(Set.of(a), year, point, region.term()));
                scopes.add(new IndicatorScope(Set.of(a, b), year, point, region.term()));
                scopes.add(new IndicatorScope(region.schoolIds(), year, point, region.term(), region.region()));
            }
        }
        for (Indicator live : SummaryIndicators.live(jdbc)) {
            Indicator bean = summarised.get(live.name());
            for (IndicatorScope scope : scopes) {
                assertThat(bean.compute(scope))
                        .as(
                                "%s after %s, schools %s, %d %s",
                                live.name(), after, scope.schoolIds(), scope.year(), scope.point())
                        .isEqualTo(live.compute(scope));
            }
            IndicatorScope both = scopes.get(1);
            Map<Long, Number> each = bean.each(both);
            for (long school : List.of(a, b)) {
                assertThat(each.get(school))
                        .as("%s of school %d alone after %s", live.name(), school, after)
                        .isEqualTo(live.compute(
                                new IndicatorScope(Set.of(school), both.year(), both.point(), both.term())));
            }
        }
        for (int year : List.of(2024, 2025, 2026)) {
            for (IndicatorScope scope : List.of(
                    new IndicatorScope(Set.of(a, b), year, "AT_GRADUATION", region.term()),
                    new IndicatorScope(region.schoolIds(), year, "AT_GRADUATION", region.term(), region.region()))) {
                String of = "%s of %s in " + year + " after " + after;
                assertThat(breakdowns.byPoint(scope))
                        .as(of, "breakdown", scope.region() == null ? "two schools" : "the region")
                        .isEqualTo(breakdowns.live(scope));
                assertThat(breakdowns.responses(scope))
                        .as(of, "follow-up response", scope.region() == null ? "two schools" : "the region")
                        .isEqualTo(breakdowns.liveResponses(scope));
                assertThat(breakdowns.employers(scope))
                        .as(of, "employer ratings", scope.region() == null ? "two schools" : "the region")
                        .isEqualTo(breakdowns.liveEmployers(scope));
            }
        }
        assertThat(summaries.verify().differences())
                .as("verify after %s", after)
                .allSatisfy((table, n) -> assertThat(n).as(table).isZero());
    }

    private String destination(Random random, List<Long> graduates, List<Long> employers) {
        long student = pick(random, graduates);
        FollowUp point = FollowUp.values()[random.nextInt(FollowUp.values().length)];
        DestinationKind kind = DestinationKind.values()[random.nextInt(DestinationKind.values().length)];
        Long employer = kind.directlyEmployed() && random.nextInt(4) > 0 ? pick(random, employers) : null;
        return attempt(
                "destination",
                () -> destinations.record(
                        student,
                        new DestinationForm(
                                point,
                                LocalDate.of(2026, 11, 1),
                                kind,
                                employer,
                                employer == null && kind.directlyEmployed() ? "个体作坊" : null,
                                null,
                                random.nextBoolean(),
                                random.nextInt(5) == 0 ? random.nextBoolean() : null,
                                "抽查",
                                terms(random, kind, employer),
                                destinationVersion(student, point))));
    }

    /** Terms at random as the form would take them: none but for the directly employed. */
    private static EmploymentTerms terms(Random random, DestinationKind kind, Long employer) {
        if (!kind.directlyEmployed()) {
            return null;
        }
        boolean employed = kind == DestinationKind.EMPLOYED;
        return new EmploymentTerms(
                employed && random.nextBoolean() ? Channel.values()[random.nextInt(Channel.values().length)] : null,
                employer == null && random.nextBoolean()
                        ? Sector.values()[random.nextInt(Sector.values().length)]
                        : null,
                random.nextInt(4) > 0 ? PayBand.values()[random.nextInt(PayBand.values().length)] : null,
                employed && random.nextBoolean() ? random.nextBoolean() : null,
                random.nextBoolean() ? random.nextBoolean() : null,
                employer == null && random.nextInt(5) == 0);
    }

    /** A graduate of either school answers an open follow-up request through its link. */
    private String followUpAnswer(Random random, long a, long b, List<Long> employers) {
        List<Long> open = ids("""
                SELECT q.id FROM follow_up_request q JOIN follow_up_round r ON r.id = q.round_id
                WHERE q.school_id IN (:a, :b) AND q.answered_at IS NULL AND r.closes_on >= CURRENT_DATE
                ORDER BY q.id FETCH FIRST 200 ROWS ONLY""", a, b);
        if (open.isEmpty()) {
            return "refused follow-up answer";
        }
        DestinationKind kind = DestinationKind.values()[random.nextInt(DestinationKind.values().length)];
        boolean direct = kind.directlyEmployed();
        EmploymentTerms terms = terms(random, kind, null);
        // work abroad is not in the county: an answer saying both is refused (as the form refuses it)
        boolean inCounty = direct && (terms == null || !terms.abroad()) && random.nextBoolean();
        return attempt(
                "follow-up answer",
                () -> followUpAnswers.answer(
                        links.sign("follow-up", pick(random, open)),
                        new FollowUpAnswers.AnswerForm(
                                kind, direct ? "个体作坊" : null, null, null, inCounty, terms, 1 + random.nextInt(5))));
    }

    /** A unit employing graduates of either school rates them through its link. */
    private String employerRating(Random random, long a, long b) {
        List<Long> open = ids("""
                SELECT g.id FROM employer_rating g JOIN employer_survey v ON v.id = g.survey_id
                WHERE g.school_id IN (:a, :b) AND g.answered_at IS NULL AND v.closes_on >= CURRENT_DATE
                ORDER BY g.id FETCH FIRST 200 ROWS ONLY""", a, b);
        if (open.isEmpty()) {
            return "refused employer rating";
        }
        return attempt(
                "employer rating",
                () -> employerSurveys.answer(
                        links.sign("employer-rating", pick(random, open)),
                        new EmployerSurveys.RatingForm(
                                1 + random.nextInt(5), 1 + random.nextInt(5), random.nextBoolean(), null)));
    }

    private String correction(Random random, List<Long> graduates) {
        List<Map<String, Object>> recorded =
                jdbc.sql("""
                        SELECT student_id, follow_up, version FROM destination
                        WHERE student_id IN (:s) AND kind IN ('EMPLOYED', 'SELF_EMPLOYED')""").param("s", graduates).query().listOfRows();
        if (recorded.isEmpty()) {
            return "refused correction";
        }
        Map<String, Object> d = recorded.get(random.nextInt(recorded.size()));
        return attempt(
                "correction",
                () -> corrections.correct(
                        ((Number) d.get("student_id")).longValue(),
                        FollowUp.valueOf((String) d.get("follow_up")),
                        new DestinationCorrections.CorrectionForm(
                                random.nextBoolean(),
                                random.nextBoolean(),
                                "核对",
                                ((Number) d.get("version")).intValue())));
    }

    private String certificate(Random random, List<Long> graduates) {
        long student = pick(random, graduates);
        Map<String, Object> s = jdbc.sql(
                        "SELECT sc.code, st.student_number FROM student st JOIN school sc ON sc.id = st.school_id"
                                + " WHERE st.id = :id")
                .param("id", student)
                .query()
                .singleRow();
        List<Grade> grades = List.of(
                Grade.LEVEL_3,
                Grade.LEVEL_2,
                Grade.LEVEL_1,
                Grade.INTERMEDIATE,
                Grade.SENIOR,
                Grade.PROFESSOR,
                Grade.MUNICIPAL,
                Grade.PROVINCIAL,
                Grade.NATIONAL);
        Grade grade = grades.get(random.nextInt(grades.size()));
        return attempt(
                "certificate",
                () -> certificates.create(new CertificateForm(
                        (String) s.get("code"),
                        (String) s.get("student_number"),
                        null,
                        null,
                        grade.kind(),
                        grade,
                        "抽查证书",
                        "抽查机构",
                        "SUM-" + random.nextLong(1_000_000_000L),
                        2025,
                        null,
                        random.nextInt(4) == 0 ? CertificateStatus.LAPSED : CertificateStatus.VALID,
                        null)));
    }

    private String deleteCertificate(Random random, long a, long b) {
        List<Long> held = ids("""
                SELECT c.id FROM certificate c JOIN student s ON s.id = c.student_id
                WHERE c.school_id IN (:a, :b) AND s.status = 'GRADUATED'
                ORDER BY c.id FETCH FIRST 200 ROWS ONLY""", a, b);
        if (held.isEmpty()) {
            return "refused certificate deleted";
        }
        long id = pick(random, held);
        return attempt("certificate deleted", () -> certificates.delete(id));
    }

    /** A session held for a required item of the region's latest term, in a class of its major. */
    private String session(Random random, long a, long b) {
        String term = indicators
                .resolve(new Indicators.Request(null, "411300", null, 2025, null, null))
                .term();
        List<String[]> required = jdbc.sql("""
                        SELECT sc.code AS school, c.code AS course, i.code AS item, k.name AS class_name
                        FROM practical_requirement r JOIN practical_item i ON i.id = r.item_id
                        JOIN course c ON c.id = i.course_id JOIN school sc ON sc.id = r.school_id
                        JOIN school_class k ON k.school_id = r.school_id AND k.major_id = c.major_id
                        WHERE r.school_id IN (:a, :b) AND r.term = :term
                        ORDER BY r.item_id, k.id FETCH FIRST 200 ROWS ONLY""")
                .param("a", a)
                .param("b", b)
                .param("term", term)
                .query((rs, i) -> new String[] {
                    rs.getString("school"), rs.getString("course"), rs.getString("item"), rs.getString("class_name")
                })
                .list();
        if (required.isEmpty()) {
            return "refused session";
        }
        String[] r = required.get(random.nextInt(required.size()));
        LocalDate day = Term.parse(term).start().plusDays(random.nextInt(100));
        return attempt(
                "session",
                () -> sessions.create(new SessionForm(r[0], r[1], r[2], r[3], day, new BigDecimal("2"), "", "", null)));
    }

    /**
     * A member of staff whose category (teacher or not), full-time or dual qualification changes
     * (dual_qualified_teacher_share counts full-time teachers only); the first one changes the category.
     */
    private String teacher(Random random, long a, long b, boolean first) {
        long id = pick(random, ids("SELECT id FROM staff WHERE school_id IN (:a, :b) ORDER BY id", a, b));
        Views.StaffView t = staff.get(id);
        int change = first ? 0 : random.nextInt(3);
        StaffCategory category = change == 0
                ? StaffCategory.values()[(t.category().ordinal() + 1 + random.nextInt(3)) % 4]
                : t.category();
        boolean full = change == 1 ? !t.fullTime() : t.fullTime();
        boolean dual = change == 2 ? !t.dualQualified() : t.dualQualified();
        return attempt(
                change == 0 ? "staff category" : "teacher",
                () -> staff.update(
                        id,
                        new Forms.StaffForm(
                                t.schoolCode(),
                                t.staffNumber(),
                                t.name(),
                                t.title(),
                                category,
                                full,
                                dual,
                                t.version())));
    }

    private String deleteSession(Random random, long a, long b) {
        List<Long> held = ids("""
                SELECT id FROM training_session WHERE school_id IN (:a, :b)
                ORDER BY term DESC, id FETCH FIRST 200 ROWS ONLY""", a, b);
        if (held.isEmpty()) {
            return "refused session deleted";
        }
        long id = pick(random, held);
        return attempt("session deleted", () -> sessions.delete(id));
    }

    private String status(Random random, List<Long> enrolled, List<Long> graduates) {
        long student = random.nextBoolean() ? pick(random, enrolled) : pick(random, graduates);
        StatusChangeKind change = List.of(StatusChangeKind.SUSPEND, StatusChangeKind.RESUME, StatusChangeKind.WITHDRAW)
                .get(random.nextInt(3));
        int version = jdbc.sql("SELECT version FROM student WHERE id = :id")
                .param("id", student)
                .query(Integer.class)
                .single();
        return attempt(
                "status",
                () -> statusChanges.change(student, StatusForm.of(change, LocalDate.now(), "抽查", "文号", version)));
    }

    private String graduate(Random random, List<Long> enrolled) {
        List<Long> chosen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            chosen.add(pick(random, enrolled));
        }
        // those failing the graduation check leave with 结业, unless the office overrides (half the time)
        boolean override = random.nextBoolean();
        return attempt(
                "graduation",
                () -> graduations.graduate(new Graduations.GraduationForm(
                        null,
                        List.copyOf(Set.copyOf(chosen)),
                        2025 + random.nextInt(2),
                        null,
                        override,
                        override ? "抽查：准予毕业" : null)));
    }

    /**
     * The aid ledger through its service: a payment of the demo reversed, or a reversed one paid
     * again (the aid roll-up's summary, summary_aid).
     */
    private String aidLedger(Random random, long a, long b) {
        List<Map<String, Object>> entries =
                jdbc.sql("""
                        SELECT d.id, d.reversed, sc.code AS school_code, s.student_number, d.term, d.kind, d.amount,
                               d.bank_card
                        FROM aid_disbursement d JOIN student s ON s.id = d.student_id JOIN school sc ON sc.id = d.school_id
                        WHERE d.school_id IN (:a, :b) AND d.reverses_id IS NULL
                        ORDER BY d.id FETCH FIRST 200 ROWS ONLY""").param("a", a).param("b", b).query().listOfRows();
        if (entries.isEmpty()) {
            return "refused aid ledger";
        }
        Map<String, Object> e = entries.get(random.nextInt(entries.size()));
        if (!(Boolean) e.get("reversed")) {
            return attempt("aid reversal", () -> disbursements.reverse(((Number) e.get("id")).longValue(), "抽查冲正"));
        }
        return attempt(
                "aid payment",
                () -> disbursements.pay(new DisbursementForm(
                        (String) e.get("school_code"),
                        (String) e.get("student_number"),
                        (String) e.get("term"),
                        AidKind.valueOf((String) e.get("kind")),
                        (BigDecimal) e.get("amount"),
                        LocalDate.now(),
                        (String) e.get("bank_card"),
                        "SC" + (100_000_000L + random.nextInt(900_000_000)),
                        null)));
    }

    private String designation(Random random) {
        String school = random.nextBoolean() ? TestUsers.ZHENPING : TestUsers.NEIXIANG;
        List<Grade> grades = List.of(Grade.LEVEL_3, Grade.LEVEL_2, Grade.LEVEL_1);
        return attempt("designation", () -> {
            TalentSettings.Setting now = talent.of(school);
            talent.save(new TalentSettings.Setting(
                    school, random.nextInt(4) == 0 ? null : grades.get(random.nextInt(3)), now.version()));
        });
    }

    /** A write through a service; a refusal (a rule of the service) is a write that did not happen. */
    private static String attempt(String name, Runnable write) {
        try {
            write.run();
            return name;
        } catch (RuntimeException refusedByARule) {
            return "refused " + name;
        }
    }

    private Integer destinationVersion(long student, FollowUp point) {
        return jdbc.sql("SELECT version FROM destination WHERE student_id = :s AND follow_up = :p")
                .param("s", student)
                .param("p", point.name())
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    private long school(String code) {
        return jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private List<Long> ids(String sql, long a, long b) {
        return jdbc.sql(sql).param("a", a).param("b", b).query(Long.class).list();
    }

    private static long pick(Random random, List<Long> ids) {
        return ids.get(random.nextInt(ids.size()));
    }
}
