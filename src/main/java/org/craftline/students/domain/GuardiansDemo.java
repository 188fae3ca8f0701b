package org.craftline.students.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.craftline.platform.DemoContributor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The guardians of the demo's current students, each with a legal guardian on record: most have
 * father and mother, some one parent; about one in ten lives with a grandparent who is its legal
 * guardian while the parents work away (a parent may still be listed, not as legal guardian); a
 * few list a grown-up brother or sister too. Deterministic (own seed, after {@link StudentsDemo}).
 */
@Component
class GuardiansDemo implements DemoContributor {

    private static final long SEED = 20_260_902L;
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈";
    private static final String PARENTS = "建国志强海军红军国强建华卫东立新秀英桂兰丽娟玉梅淑珍春花秀芳红霞";
    private static final String ELDERS = "德福福贵长顺永昌玉兰凤英桂芳翠花";
    private static final String YOUNG = "子豪佳怡明轩雨萱浩宇欣然";
    private static final OffsetDateTime RECORDED = OffsetDateTime.of(2026, 9, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    private final JdbcTemplate jdbc;

    GuardiansDemo(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 210; // after the students (200), before anything that reads guardians (internships, 700)
    }

    /** A student as the demo needs it. */
    private record Student(long id, long schoolId, String surname) {}

    @Override
    public void load() {
        Random random = new Random(SEED);
        List<Student> students = jdbc.query(
                "SELECT id, school_id, name FROM student ORDER BY id",
                (rs, i) -> new Student(
                        rs.getLong(1), rs.getLong(2), rs.getString(3).substring(0, 1)));
        List<Object[]> rows = new ArrayList<>();
        for (Student s : students) {
            guardians(s, random, rows);
        }
        jdbc.batchUpdate("""
                INSERT INTO guardian (school_id, student_id, name, relation, phone, legal_guardian, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }

    private static void guardians(Student s, Random random, List<Object[]> rows) {
        String father = s.surname() + two(PARENTS, random);
        String mother = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + two(PARENTS, random);
        int family = random.nextInt(100);
        if (family < 10) {
            rows.add(row(s, s.surname() + two(ELDERS, random), "GRANDPARENT", true, random));
            if (random.nextBoolean()) {
                rows.add(row(s, father, "FATHER", false, random));
            }
        } else if (family < 72) {
            rows.add(row(s, father, "FATHER", true, random));
            rows.add(row(s, mother.equals(father) ? mother + "芳" : mother, "MOTHER", true, random));
        } else if (family < 88) {
            rows.add(row(s, father, "FATHER", true, random));
        } else {
            rows.add(row(s, mother, "MOTHER", true, random));
        }
        if (random.nextInt(100) < 4) {
            rows.add(row(s, s.surname() + two(YOUNG, random), "SIBLING", false, random));
        }
    }

    private static Object[] row(Student s, String name, String relation, boolean legal, Random random) {
        String phone = "1" + "3578".charAt(random.nextInt(4)) + String.format("%09d", random.nextInt(1_000_000_000));
        return new Object[] {
            s.schoolId(), s.id(), name, relation, random.nextInt(100) < 92 ? phone : null, legal, RECORDED
        };
    }

    /** Two characters that belong together, from a string of such pairs. */
    private static String two(String pairs, Random random) {
        int k = 2 * random.nextInt(pairs.length() / 2);
        return pairs.substring(k, k + 2);
    }
}
