package org.craftline.jobs.domain;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.craftline.ApplicationProperties;
import org.craftline.enterprises.EnterprisesApi;
import org.craftline.enterprises.EnterprisesApi.EnterpriseRef;
import org.craftline.enterprises.Industry;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.DemoContributor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The Zhenping job market of 2026: 200 jade and carpet units of the county with accounts made by
 * the school ({@code zp-unit-001} … {@code zp-unit-200}, the demo user {@code enterprise} bound to
 * the first), their postings of the year, and the applications of the school's students and 2026
 * graduates ({@link DemoApplications}). Deterministic (fixed seed and dates); set-based inserts.
 */
@Component
class JobsDemo implements DemoContributor {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JobsDemo.class);

    static final int UNITS = 200;
    static final String ZHENPING_SCHOOL = "4141013240";
    private static final long SEED = 20_260_301L;
    private static final LocalDate FIRST_POSTED = LocalDate.of(2026, 1, 5);
    private static final String[] JADE = {"玉雕学徒", "玉雕师", "玉器抛光工", "玉雕设计师", "玉器直播运营", "珠宝导购"};
    private static final String[] CARPET = {"地毯编织工", "地毯图案设计", "地毯质检员", "手工挂毯技师"};
    private static final String[] TOWNS = {"石佛寺镇", "城关镇", "玉都街道", "涅阳街道", "侯集镇", "贾宋镇"};
    private static final String[] JADE_MAJORS = {"750107", "750106", "750108", "730602"};
    private static final String[] CARPET_MAJORS = {"750110", "750106", "730701"};

    private final JdbcTemplate jdbc;
    private final OrganisationApi organisation;
    private final EnterprisesApi enterprises;
    private final PasswordEncoder encoder;
    private final ApplicationProperties properties;
    private final DemoApplications applications;

    JobsDemo(
            JdbcTemplate jdbc,
            OrganisationApi organisation,
            EnterprisesApi enterprises,
            PasswordEncoder encoder,
            ApplicationProperties properties,
            DemoApplications applications) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.enterprises = enterprises;
        this.encoder = encoder;
        this.properties = properties;
        this.applications = applications;
    }

    @Override
    public int order() {
        return 950; // after the demo users (900): binds the demo user "enterprise" to its unit
    }

    @Override
    public void load() {
        long started = System.nanoTime();
        Random random = new Random(SEED);
        long school = organisation.schoolIdByCode(ZHENPING_SCHOOL).orElseThrow();
        List<EnterpriseRef> units = enterprises.inRegion("411324").stream()
                .filter(e -> e.industry() == Industry.JADE_CARVING || e.industry() == Industry.CARPET)
                .limit(UNITS)
                .toList();
        accounts(school, units);
        Map<String, Long> majors = new TreeMap<>(organisation.majorsOffered(school));
        var postings = postings(units, majors, random);
        int[] made = applications.load(school, postings, random);
        log.info(
                "Jobs demo: {} units with accounts, {} postings, {} applications, {} hires in {} ms",
                units.size(),
                postings.size(),
                made[0],
                made[1],
                (System.nanoTime() - started) / 1_000_000);
    }

    /** One account a unit, as the school makes them; the demo password when one is given. */
    private void accounts(long school, List<EnterpriseRef> units) {
        String given = properties.demo().password();
        // without a given password the accounts wait for the school to set one (never printed)
        String hash = encoder.encode(
                StringUtils.hasText(given) ? given : java.util.UUID.randomUUID().toString());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            EnterpriseRef unit = units.get(i);
            rows.add(new Object[] {username(i), unit.name() + "人事", hash, school, unit.id()});
        }
        jdbc.batchUpdate("""
                INSERT INTO app_user (username, display_name, password_hash, role, school_id, enterprise_id, enabled,
                  created_at)
                VALUES (?, ?, ?, 'ENTERPRISE', ?, ?, TRUE, CURRENT_TIMESTAMP)
                """, rows);
        jdbc.update(
                "UPDATE app_user SET enterprise_id = ?, school_id = ? WHERE username = 'enterprise'",
                units.get(0).id(),
                school);
    }

    /** One to three postings a unit over the year; a fifth of them internships. */
    private List<DemoApplications.Posting> postings(
            List<EnterpriseRef> units, Map<String, Long> majors, Random random) {
        List<Object[]> rows = new ArrayList<>();
        List<DemoApplications.Posting> made = new ArrayList<>();
        List<List<Long>> majorsOf = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            EnterpriseRef unit = units.get(i);
            boolean jade = unit.industry() == Industry.JADE_CARVING;
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                String[] titles = jade ? JADE : CARPET;
                boolean internship = random.nextInt(5) == 0;
                String position = titles[random.nextInt(titles.length)] + (internship ? "（实习）" : "");
                LocalDate posted = FIRST_POSTED.plusDays(random.nextInt(300));
                LocalDate deadline = posted.plusDays(30 + random.nextInt(150));
                int from = internship ? 1500 + 100 * random.nextInt(10) : 3000 + 100 * random.nextInt(25);
                rows.add(new Object[] {
                    unit.id(),
                    internship ? "INTERNSHIP" : "JOB",
                    position,
                    random.nextInt(4) == 0 ? 2 + random.nextInt(2) : null,
                    1 + random.nextInt(jade ? 5 : 8),
                    BigDecimal.valueOf(from),
                    BigDecimal.valueOf(from + 500 * (1 + random.nextInt(5))),
                    TOWNS[random.nextInt(TOWNS.length)],
                    deadline.plusDays(14),
                    deadline,
                    username(i),
                    Timestamp.valueOf(posted.atTime(9, 0))
                });
                majorsOf.add(wanted(jade ? JADE_MAJORS : CARPET_MAJORS, majors, random));
                made.add(new DemoApplications.Posting(0, unit.id(), position, internship, posted, deadline));
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO posting (enterprise_id, kind, position, min_skill_rank, headcount, pay_from, pay_to, town,
                  starts_on, deadline, published_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
        List<Long> ids =
                jdbc.queryForList("SELECT id FROM posting WHERE published_by LIKE 'zp-unit-%' ORDER BY id", Long.class);
        List<Object[]> wanted = new ArrayList<>();
        List<DemoApplications.Posting> stored = new ArrayList<>();
        for (int p = 0; p < ids.size(); p++) {
            for (long major : majorsOf.get(p)) {
                wanted.add(new Object[] {ids.get(p), major});
            }
            stored.add(made.get(p).withId(ids.get(p)));
        }
        jdbc.batchUpdate("INSERT INTO posting_major (posting_id, major_id) VALUES (?, ?)", wanted);
        return stored;
    }

    /** One or two of the school's majors that fit the trade (none: open to every major, now and then). */
    private static List<Long> wanted(String[] codes, Map<String, Long> offered, Random random) {
        List<Long> ids = new ArrayList<>();
        if (random.nextInt(6) == 0) {
            return ids;
        }
        int first = random.nextInt(codes.length);
        int count = 1 + random.nextInt(2);
        for (int k = 0; k < count; k++) {
            Long id = offered.get(codes[(first + k) % codes.length]);
            if (id != null && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    static String username(int index) {
        return String.format("zp-unit-%03d", index + 1);
    }
}
