package org.craftline.aid.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.craftline.platform.DemoContributor;
import org.craftline.shared.Term;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Aid at each demo school in the autumn term of its newest intake's first year: about one
 * rural student in twelve recognised in hardship (approved, a few pending), the waiver decided for every
 * eligible student and the grant by hardship level, and the term's waivers and grants paid.
 * Deterministic (own seed, after the students).
 */
@Component
class AidDemo implements DemoContributor {

    private static final long SEED = 20_260_903L;
    /** The demo's tuition waived a term (the school's fee, not a national figure). */
    private static final BigDecimal TUITION = new BigDecimal("1000.00");

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 10, 20, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    AidDemo(JdbcTemplate template, JdbcClient jdbc) {
        this.template = template;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 220; // after the students (200) and their guardians (210)
    }

    @Override
    public void load() {
        Random random = new Random(SEED);
        jdbc.sql("SELECT DISTINCT school_id FROM student ORDER BY school_id")
                .query(Long.class)
                .list()
                .forEach(schoolId -> load(schoolId, random));
    }

    private void load(long schoolId, Random random) {
        int start = jdbc.sql("SELECT MAX(entry_year) FROM student WHERE school_id = :s")
                .param("s", schoolId)
                .query(Integer.class)
                .single();
        hardships(schoolId, start, random);
        Term term = new Term(start, 1);
        List<EligibilityView> eligible = jdbc.sql("SELECT " + Eligibility.SELECT + " FROM " + Eligibility.ELIGIBLE_TABLE
                        + " WHERE e.school_id = :s AND (e.waiver_eligible OR e.grant_eligible) ORDER BY e.student_id")
                .params(Eligibility.params(term))
                .param("s", schoolId)
                .query(EligibilityView.class)
                .list();
        decide(schoolId, term, eligible);
        pay(schoolId, term, eligible, random);
    }

    private void hardships(long schoolId, int start, Random random) {
        List<Object[]> rows = new ArrayList<>();
        template.query(
                "SELECT id FROM student WHERE school_id = ? AND household = 'RURAL' AND status = 'ENROLLED' ORDER BY id",
                rs -> {
                    if (random.nextInt(12) == 0) {
                        String level = HardshipLevel.values()[random.nextInt(3)].name();
                        boolean pending = random.nextInt(10) == 0;
                        rows.add(new Object[] {
                            schoolId,
                            rs.getLong(1),
                            start,
                            level,
                            "低保证 豫民低字" + start + String.format("%06d", random.nextInt(1_000_000)),
                            pending ? "PENDING" : "APPROVED",
                            pending ? null : "资助中心",
                            pending ? null : LocalDate.of(start, 9, 25),
                            AT
                        });
                    }
                },
                schoolId);
        template.batchUpdate("""
                INSERT INTO hardship_recognition (school_id, student_id, school_year, level, evidence, decision, reviewer,
                       reviewed_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }

    private void decide(long schoolId, Term term, List<EligibilityView> eligible) {
        List<Object[]> rows = new ArrayList<>();
        for (EligibilityView e : eligible) {
            GrantTier tier = tier(e);
            rows.add(new Object[] {
                schoolId, e.studentId(), term.toString(), e.waiverEligible(), tier == null ? null : tier.name(), AT
            });
        }
        template.batchUpdate("""
                INSERT INTO aid_decision (school_id, student_id, term, waiver, grant_tier, decided_by, decided_at)
                VALUES (?, ?, ?, ?, ?, 'demo', ?)
                """, rows);
    }

    /** The grant's tier by the hardship's level; an agriculture-related major without hardship the third. */
    private static GrantTier tier(EligibilityView e) {
        if (!e.grantEligible()) {
            return null;
        }
        return e.hardshipLevel() == null
                ? GrantTier.TIER3
                : GrantTier.values()[HardshipLevel.valueOf(e.hardshipLevel()).ordinal()];
    }

    private void pay(long schoolId, Term term, List<EligibilityView> eligible, Random random) {
        List<Object[]> rows = new ArrayList<>();
        LocalDate paid = term.start().plusDays(44);
        int voucher = 0;
        for (EligibilityView e : eligible) {
            if (e.waiverEligible()) {
                rows.add(entry(schoolId, e, term, "WAIVER", TUITION, paid, null, ++voucher));
            }
            GrantTier tier = tier(e);
            if (tier != null) {
                String card = "6217" + String.format("%015d", Math.floorMod(random.nextLong(), 1_000_000_000_000_000L));
                rows.add(entry(schoolId, e, term, "GRANT", tier.perTerm(), paid, card, ++voucher));
            }
        }
        template.batchUpdate("""
                INSERT INTO aid_disbursement (school_id, student_id, term, kind, amount, paid_on, bank_card, voucher_no,
                       note, reverses_id, reversed, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, FALSE, 'demo', ?)
                """, rows);
    }

    private static Object[] entry(
            long schoolId,
            EligibilityView e,
            Term term,
            String kind,
            BigDecimal amount,
            LocalDate on,
            String card,
            int n) {
        return new Object[] {
            schoolId,
            e.studentId(),
            term.toString(),
            kind,
            amount,
            on,
            card,
            "ZZ-" + term.startYear() + "-" + String.format("%05d", n),
            AT
        };
    }
}
