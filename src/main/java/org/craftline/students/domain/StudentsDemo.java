package org.craftline.students.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.craftline.organisation.OrganisationApi;
import org.craftline.organisation.OrganisationApi.ClassRef;
import org.craftline.platform.DemoContributor;
import org.craftline.shared.DistinctIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Current students of the demo schools: 45 a class at Zhenping (about 3,000), 40 a class at the
 * others. Deterministic (fixed seed); ID numbers carry a valid check character.
 */
@Component
class StudentsDemo implements DemoContributor {

    private static final long SEED = 20_260_901L;
    private static final List<String> SCHOOLS = List.of("4141013240", "4141013001", "4141013250");
    private static final List<String> REGIONS = List.of("411324", "411302", "411325");
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭";
    private static final String GIVEN = "子轩浩然宇航梓涵欣怡一诺佳琪思远俊杰雨泽晨曦明轩嘉怡诗涵文博天佑若曦志强玉洁";

    private final OrganisationApi organisation;
    private final JdbcTemplate jdbc;

    StudentsDemo(OrganisationApi organisation, JdbcTemplate jdbc) {
        this.organisation = organisation;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public void load() {
        Random random = new Random(SEED);
        // students take sequences 000-499 of a birth date; the employment demo's graduates 500-999
        DistinctIds ids = new DistinctIds(0, 500);
        for (int i = 0; i < SCHOOLS.size(); i++) {
            long schoolId = organisation.schoolIdByCode(SCHOOLS.get(i)).orElseThrow();
            List<ClassRef> classes =
                    new ArrayList<>(organisation.classes(schoolId).values());
            classes.sort(Comparator.comparing(ClassRef::name));
            List<Object[]> rows = new ArrayList<>();
            int perClass = i == 0 ? 45 : 40;
            for (int c = 0; c < classes.size(); c++) {
                for (int k = 1; k <= perClass; k++) {
                    rows.add(student(schoolId, REGIONS.get(i), classes.get(c), c + 1, k, random, ids));
                }
            }
            jdbc.batchUpdate("""
                    INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,
                           phone, major_id, class_id, entry_year, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, rows);
            jdbc.update("""
                    INSERT INTO student_status_change (student_id, status, kind, changed_on, reason, recorded_by,
                           recorded_at)
                    SELECT id, 'ENROLLED', 'ENROL', CAST(CAST(entry_year AS VARCHAR(4)) || '-09-01' AS DATE), '入学', 'demo',
                           CURRENT_TIMESTAMP FROM student WHERE school_id = ?
                    """, schoolId);
            // registered with the national registry ("G" and the ID number): all but about one in twelve
            // of the newest intake, who stay on the office's registration to-do
            jdbc.update("""
                    UPDATE student SET national_number = 'G' || id_number
                    WHERE school_id = ? AND (MOD(id, 12) <> 0
                      OR entry_year < (SELECT MAX(x.entry_year) FROM student x WHERE x.school_id = ?))
                    """, schoolId, schoolId);
        }
    }

    private static Object[] student(
            long schoolId, String region, ClassRef c, int classNo, int k, Random random, DistinctIds ids) {
        LocalDate birth =
                LocalDate.of(c.entryYear() - 15 - random.nextInt(2), 1 + random.nextInt(12), 1 + random.nextInt(28));
        boolean male = random.nextInt(100) < 62;
        String id = ids.next(region, birth, male, random.nextInt(500));
        String phone = "1" + "3578".charAt(random.nextInt(4)) + String.format("%09d", random.nextInt(1_000_000_000));
        String status = random.nextInt(100) < 97 ? "ENROLLED" : random.nextBoolean() ? "SUSPENDED" : "WITHDRAWN";
        return new Object[] {
            schoolId,
            String.format("%d%02d%02d", c.entryYear(), classNo, k),
            name(random),
            id,
            male ? "MALE" : "FEMALE",
            birth,
            random.nextInt(100) < 82 ? "RURAL" : "URBAN",
            random.nextInt(100) < 90 ? phone : null,
            c.majorId(),
            c.id(),
            c.entryYear(),
            status
        };
    }

    private static String name(Random random) {
        StringBuilder sb = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int given = random.nextInt(4) == 0 ? 1 : 2;
        for (int i = 0; i < given; i++) {
            sb.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return sb.toString();
    }
}
