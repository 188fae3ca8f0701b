package org.craftline.talent.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.DemoContributor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Certificates, titles and honours of the demo schools, built so that the Zhenping school's profile
 * figures come out exactly: 4 national masters, 21 provincial or municipal masters and 62 senior
 * craftsmen among its graduates, each person counted once at the highest level (several hold more
 * than one honour; one holds only a lapsed national honour and counts nowhere). Skill certificates
 * for about 85% of every school's graduates, master-apprentice relations and consents. Deterministic.
 */
@Component
class TalentDemo implements DemoContributor {

    static final String ZHENPING = "4141013240";
    static final int NATIONAL = 4;
    static final int PROVINCIAL_MUNICIPAL = 21;
    static final int SENIOR = 62;
    private static final long SEED = 20_160_518L;
    private static final String SKILL_BODY = "河南省职业技能鉴定中心";
    private static final String TITLE_BODY = "河南省人力资源和社会保障厅";
    private static final String CITY_TITLE_BODY = "南阳市人力资源和社会保障局";
    private static final OffsetDateTime RECORDED = OffsetDateTime.of(2025, 3, 15, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    record Person(long id, String number, String major, int year) {}

    private final OrganisationApi organisation;
    private final JdbcTemplate jdbc;
    private final List<Object[]> certificates = new ArrayList<>();
    private final List<Object[]> apprenticeships = new ArrayList<>();
    private final List<Object[]> consents = new ArrayList<>();
    private int serial;

    TalentDemo(OrganisationApi organisation, JdbcTemplate jdbc) {
        this.organisation = organisation;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public void load() {
        certificates.clear();
        apprenticeships.clear();
        consents.clear();
        serial = 0;
        Random random = new Random(SEED);
        zhenping(random);
        smallSchool("4141013001", 1, 2, 5, random);
        smallSchool("4141013250", 0, 1, 3, random);
        jdbc.batchUpdate("""
                INSERT INTO certificate (school_id, student_id, staff_id, kind, grade, grade_rank, name, issuing_body,
                       cert_number, issued_year, issued_on, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, certificates);
        jdbc.batchUpdate("""
                INSERT INTO apprenticeship (school_id, master_student_id, master_staff_id, apprentice_id, started_on, ended_on)
                VALUES (?, ?, ?, ?, ?, ?)
                """, apprenticeships);
        jdbc.batchUpdate("""
                INSERT INTO publication_consent (student_id, school_id, consented, given_on, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, 'demo', ?)
                """, consents);
        // the Nanyang school also counts senior technicians (高级技师, level 1) as senior craftsmen; Zhenping keeps the
        // title only
        jdbc.update(
                "INSERT INTO talent_setting (school_id, senior_skill_rank) VALUES (?, ?)",
                schoolId("4141013001"),
                Grade.LEVEL_1.rank());
    }

    private void zhenping(Random random) {
        long school = schoolId(ZHENPING);
        List<Person> graduates = graduates(school);
        List<Person> picked = pick(graduates, 2008, 2015, NATIONAL + PROVINCIAL_MUNICIPAL + 1 + SENIOR, random);
        List<Long> masters = new ArrayList<>();
        for (int i = 0; i < NATIONAL; i++) {
            Person p = picked.get(i);
            national(school, p, i);
            masters.add(p.id());
            consent(school, p, i < 3, i);
        }
        for (int j = 0; j < PROVINCIAL_MUNICIPAL; j++) {
            Person p = picked.get(NATIONAL + j);
            provincialOrMunicipal(school, p, j);
            if (j < 6) {
                masters.add(p.id());
            }
            if (j < 17) {
                consent(school, p, j < 15, 10 + j);
            }
        }
        Person lapsed = picked.get(NATIONAL + PROVINCIAL_MUNICIPAL);
        add(school, lapsed, Grade.NATIONAL, "中国玉石雕刻大师", "中国珠宝玉石首饰行业协会", null, lapsed.year() + 9, false);
        add(
                school,
                lapsed,
                Grade.ARTS_MASTER,
                "工艺美术师",
                CITY_TITLE_BODY,
                number("GM", lapsed.year() + 5),
                lapsed.year() + 5,
                true);
        for (int k = 0; k < SENIOR; k++) {
            Person p = picked.get(NATIONAL + PROVINCIAL_MUNICIPAL + 1 + k);
            int year = Math.min(2025, p.year() + 10 + random.nextInt(5));
            Grade title = k < 58 ? Grade.SENIOR : Grade.PROFESSOR;
            add(
                    school,
                    p,
                    title,
                    title == Grade.SENIOR ? "高级工艺美术师" : "正高级工艺美术师",
                    TITLE_BODY,
                    number("GM", year),
                    year,
                    true);
        }
        Set<Long> special = new LinkedHashSet<>();
        picked.forEach(p -> special.add(p.id()));
        everyday(school, graduates, special, random);
        List<Long> staffMasters = staff(school, 3, random);
        apprentices(school, masters, staffMasters, random);
    }

    private void national(long school, Person p, int i) {
        int year = Math.min(2024, p.year() + 12 + i);
        boolean jade = i % 2 == 0;
        add(
                school,
                p,
                Grade.NATIONAL,
                jade ? "中国玉石雕刻大师" : "中国工艺美术大师",
                jade ? "中国珠宝玉石首饰行业协会" : "中国轻工业联合会",
                null,
                year,
                true);
        add(school, p, Grade.PROVINCIAL, "河南省工艺美术大师", "河南省工艺美术行业协会", number("YGM", year - 4), year - 4, true);
        Grade title = i < 2 ? Grade.PROFESSOR : Grade.SENIOR;
        add(school, p, title, i < 2 ? "正高级工艺美术师" : "高级工艺美术师", TITLE_BODY, number("GM", year - 2), year - 2, true);
    }

    private void provincialOrMunicipal(long school, Person p, int j) {
        int year = Math.min(2024, p.year() + 8 + j % 6);
        if (j < 10) {
            boolean jade = j % 2 == 0;
            add(
                    school,
                    p,
                    Grade.PROVINCIAL,
                    jade ? "河南省玉雕大师" : "河南省工艺美术大师",
                    jade ? "河南省珠宝玉石首饰行业协会" : "河南省工艺美术行业协会",
                    number("YGM", year),
                    year,
                    true);
        }
        if (j < 6 || j >= 10) {
            boolean jade = j % 3 != 0;
            add(
                    school,
                    p,
                    Grade.MUNICIPAL,
                    jade ? "南阳市玉雕大师" : "南阳市工艺美术大师",
                    jade ? "南阳市玉雕协会" : "南阳市工艺美术学会",
                    null,
                    year - 3,
                    true);
        }
        if (j < 6) {
            add(school, p, Grade.SENIOR, "高级工艺美术师", TITLE_BODY, number("GM", year + 1), Math.min(2025, year + 1), true);
        } else if (j >= 10 && j < 13) {
            // an honour that lapsed: the valid municipal one still counts
            add(school, p, Grade.PROVINCIAL, "河南省玉雕大师", "河南省珠宝玉石首饰行业协会", number("YGM", year - 1), year - 1, false);
        } else {
            add(school, p, Grade.ARTS_MASTER, "工艺美术师", CITY_TITLE_BODY, number("GM", year - 2), year - 2, true);
        }
    }

    private void smallSchool(String code, int provincial, int municipal, int senior, Random random) {
        long school = schoolId(code);
        List<Person> graduates = graduates(school);
        int firstYear = graduates.get(0).year();
        List<Person> picked = pick(graduates, firstYear, firstYear + 4, provincial + municipal + senior, random);
        List<Long> masters = new ArrayList<>();
        for (int i = 0; i < picked.size(); i++) {
            Person p = picked.get(i);
            int year = Math.min(2025, p.year() + 9);
            if (i < provincial) {
                add(school, p, Grade.PROVINCIAL, "河南省工艺美术大师", "河南省工艺美术行业协会", number("YGM", year), year, true);
            } else if (i < provincial + municipal) {
                add(school, p, Grade.MUNICIPAL, "南阳市工艺美术大师", "南阳市工艺美术学会", null, year, true);
            } else {
                add(school, p, Grade.SENIOR, "高级工艺美术师", TITLE_BODY, number("GM", year), year, true);
            }
            if (i < provincial + municipal) {
                masters.add(p.id());
                consent(school, p, true, 40 + i);
            }
        }
        Set<Long> special = new LinkedHashSet<>();
        picked.forEach(p -> special.add(p.id()));
        everyday(school, graduates, special, random);
        staff(school, 0, random);
        apprentices(school, masters, List.of(), random);
    }

    /** Skill certificates for about 85% of the graduates, 1+X for some recent ones, lower titles for some older ones. */
    private void everyday(long school, List<Person> graduates, Set<Long> special, Random random) {
        for (Person p : graduates) {
            if (random.nextInt(100) < 85) {
                int roll = random.nextInt(100);
                Grade grade = roll < 45
                        ? Grade.LEVEL_4
                        : roll < 88 ? Grade.LEVEL_3 : roll < 95 ? Grade.LEVEL_5 : Grade.LEVEL_2;
                int year = p.year() - random.nextInt(2);
                add(
                        school,
                        p,
                        grade,
                        occupation(p.major()),
                        SKILL_BODY,
                        number("ZJ", year),
                        year,
                        LocalDate.of(year, 6, 10 + random.nextInt(15)));
            }
            if (p.year() >= 2020 && random.nextInt(100) < 30) {
                Grade grade = random.nextInt(100) < 70 ? Grade.ELEMENTARY : Grade.INTERMEDIATE;
                String[] cert = oneplusx(p.major());
                add(school, p, grade, cert[0], cert[1], number("1X", p.year()), p.year(), true);
            }
            if (p.year() <= 2016 && !special.contains(p.id()) && random.nextInt(100) < 6) {
                // titles below the senior one: they raise nobody to a senior craftsman
                Grade grade = Grade.ofRank(CertificateKind.TITLE, 1 + random.nextInt(3))
                        .orElseThrow();
                int year = Math.min(2025, p.year() + 4 + random.nextInt(6));
                add(school, p, grade, grade.label(false), CITY_TITLE_BODY, number("GM", year), year, true);
            }
        }
    }

    /** Skill certificates of dual-qualified teachers; the first {@code masters} staff lead master studios. */
    private List<Long> staff(long school, int masters, Random random) {
        List<long[]> staff = jdbc.query(
                "SELECT id, CASE WHEN dual_qualified THEN 1 ELSE 0 END FROM staff WHERE school_id = ?"
                        + " AND category = 'TEACHER' ORDER BY staff_number",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)},
                school);
        List<Long> studioLeaders = new ArrayList<>();
        for (int i = 0; i < staff.size(); i++) {
            long id = staff.get(i)[0];
            if (i < masters) {
                Grade level = i == 1 ? Grade.MUNICIPAL : Grade.PROVINCIAL;
                int year = 2012 + 3 * i;
                staffCertificate(
                        school,
                        id,
                        level,
                        level == Grade.PROVINCIAL ? "河南省玉雕大师" : "南阳市玉雕大师",
                        level == Grade.PROVINCIAL ? "河南省珠宝玉石首饰行业协会" : "南阳市玉雕协会",
                        null,
                        year);
                studioLeaders.add(id);
            }
            if (staff.get(i)[1] == 1 || i < masters) {
                Grade grade = i < masters ? Grade.LEVEL_1 : random.nextBoolean() ? Grade.LEVEL_3 : Grade.LEVEL_2;
                int year = 2010 + random.nextInt(15);
                staffCertificate(school, id, grade, "玉雕工", SKILL_BODY, number("ZJ", year), year);
            }
        }
        return studioLeaders;
    }

    private void apprentices(long school, List<Long> masters, List<Long> staffMasters, Random random) {
        List<Long> pool = jdbc.queryForList(
                "SELECT id FROM student WHERE school_id = ? AND (status = 'ENROLLED' OR graduation_year >= 2024)"
                        + " ORDER BY student_number",
                Long.class,
                school);
        List<Long> all = new ArrayList<>(masters);
        all.addAll(staffMasters);
        for (int m = 0; m < all.size(); m++) {
            boolean staff = m >= masters.size();
            Set<Long> taken = new LinkedHashSet<>();
            int count = 3 + random.nextInt(6);
            while (taken.size() < count) {
                taken.add(pool.get(random.nextInt(pool.size())));
            }
            for (long apprentice : taken) {
                LocalDate start = LocalDate.of(2022 + random.nextInt(4), 9, 1);
                LocalDate end = random.nextInt(4) == 0 ? start.plusYears(1).withMonth(7) : null;
                apprenticeships.add(new Object[] {
                    school, staff ? null : all.get(m), staff ? all.get(m) : null, apprentice, start, end
                });
            }
        }
    }

    private void consent(long school, Person p, boolean consented, int day) {
        consents.add(new Object[] {
            p.id(), school, consented, LocalDate.of(2025, 3, 1).plusDays(day), RECORDED
        });
    }

    private void add(
            long school, Person p, Grade grade, String name, String body, String number, int year, boolean valid) {
        certificates.add(row(school, p.id(), null, grade, name, body, number, year, null, valid));
    }

    private void add(
            long school, Person p, Grade grade, String name, String body, String number, int year, LocalDate on) {
        certificates.add(row(school, p.id(), null, grade, name, body, number, on.getYear(), on, true));
    }

    private void staffCertificate(
            long school, long staffId, Grade grade, String name, String body, String number, int year) {
        certificates.add(row(school, null, staffId, grade, name, body, number, year, null, true));
    }

    private static Object[] row(
            long school,
            Long student,
            Long staff,
            Grade grade,
            String name,
            String body,
            String number,
            int year,
            LocalDate on,
            boolean valid) {
        return new Object[] {
            school,
            student,
            staff,
            grade.kind().name(),
            grade.name(),
            grade.rank(),
            name,
            body,
            number,
            year,
            on,
            valid ? "VALID" : "LAPSED"
        };
    }

    /** Unique across the demo, so unique per issuing body too. */
    private String number(String prefix, int year) {
        return String.format("%s%d%07d", prefix, year, ++serial);
    }

    private List<Person> pick(List<Person> graduates, int from, int to, int count, Random random) {
        List<Person> cohorts = graduates.stream()
                .filter(p -> p.year() >= from && p.year() <= to)
                .toList();
        Set<Person> picked = new LinkedHashSet<>();
        while (picked.size() < count) {
            picked.add(cohorts.get(random.nextInt(cohorts.size())));
        }
        return new ArrayList<>(picked);
    }

    private List<Person> graduates(long school) {
        return jdbc.query(
                "SELECT s.id, s.student_number, m.code, s.graduation_year FROM student s JOIN major m ON m.id = s.major_id"
                        + " WHERE s.school_id = ? AND s.status = 'GRADUATED' AND s.graduation_year IS NOT NULL"
                        + " ORDER BY s.graduation_year, s.student_number",
                (rs, i) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)),
                school);
    }

    private long schoolId(String code) {
        return organisation.schoolIdByCode(code).orElseThrow();
    }

    private static String occupation(String major) {
        return switch (major) {
            case "750107", "660104" -> "玉雕工";
            case "750110" -> "地毯织造工";
            case "750108", "730602" -> "首饰镶嵌工";
            default -> "工艺美术品设计师";
        };
    }

    private static String[] oneplusx(String major) {
        return switch (major) {
            case "750108", "730602" -> new String[] {"珠宝玉石鉴定", "国家珠宝玉石质量检验检测中心"};
            case "730701", "710201" -> new String[] {"电子商务数据分析", "北京博导前程信息技术股份有限公司"};
            default -> new String[] {"数字创意建模", "浙江中科视传科技有限公司"};
        };
    }
}
