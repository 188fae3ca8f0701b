package org.craftline.organisation.domain;

import java.util.List;
import java.util.Random;
import org.craftline.platform.DemoContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's organisation: Henan > Nanyang > Zhenping, the Zhenping school of the profile and two
 * other schools of the region, their majors, classes and staff (teachers, and administrative, support
 * and service staff). Deterministic: a fixed seed.
 */
@Component
class OrganisationDemo implements DemoContributor {

    static final String ZHENPING = "4141013240";
    private static final long SEED = 20_051_001L;

    record DemoMajor(String code, String name, String nameEn) {}

    record DemoSchool(
            String code,
            String name,
            String nameEn,
            String region,
            int founded,
            List<String> majors,
            int staff,
            int scale) {}

    // 6-digit codes in the form of the national catalogue; see docs/architecture.md on the demo data
    static final List<DemoMajor> MAJORS = List.of(
            new DemoMajor("750106", "工艺美术", "Arts and Crafts"),
            new DemoMajor("750107", "玉雕艺术", "Jade Carving Art"),
            new DemoMajor("750108", "珠宝首饰镶嵌", "Jewellery Setting"),
            new DemoMajor("730602", "珠宝玉石营销与导购", "Jewellery and Jade Sales"),
            new DemoMajor("660104", "电脑雕刻", "Computer Carving"),
            new DemoMajor("750110", "地毯设计与织造", "Carpet Design and Weaving"),
            new DemoMajor("710201", "计算机应用", "Computer Applications"),
            new DemoMajor("730701", "电子商务", "E-commerce"));

    static final List<DemoSchool> SCHOOLS = List.of(
            new DemoSchool(
                    ZHENPING,
                    "镇平县工艺美术中等专业学校",
                    "Zhenping County Secondary Vocational School of Arts and Crafts",
                    "411324",
                    2005,
                    List.of("750106", "750107", "750108", "730602", "660104", "750110", "730701"),
                    160,
                    2),
            new DemoSchool(
                    "4141013001",
                    "南阳市工艺美术学校",
                    "Nanyang Arts and Crafts School",
                    "411302",
                    1984,
                    List.of("750106", "710201", "730701"),
                    70,
                    1),
            new DemoSchool(
                    "4141013250",
                    "内乡县职业教育中心",
                    "Neixiang County Vocational Education Centre",
                    "411325",
                    1998,
                    List.of("710201", "730701", "750110"),
                    50,
                    1));

    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国红志宏鹏飞晓文斌浩然子轩雨欣佳琪梓涵";
    private static final List<String> TITLES = List.of("高级讲师", "讲师", "助理讲师", "工艺美术师", "高级工艺美术师", "实习指导教师");

    private final JdbcClient jdbc;

    OrganisationDemo(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void load() {
        region("410000", "河南省", "Henan", "PROVINCE", null, "/410000/");
        region("411300", "南阳市", "Nanyang", "CITY", "410000", "/410000/411300/");
        region("411302", "宛城区", "Wancheng District", "COUNTY", "411300", "/410000/411300/411302/");
        region("411324", "镇平县", "Zhenping County", "COUNTY", "411300", "/410000/411300/411324/");
        region("411325", "内乡县", "Neixiang County", "COUNTY", "411300", "/410000/411300/411325/");
        MAJORS.forEach(m -> jdbc.sql("INSERT INTO major (code, name, name_en) VALUES (:c, :n, :e)")
                .param("c", m.code())
                .param("n", m.name())
                .param("e", m.nameEn())
                .update());
        Random random = new Random(SEED);
        SCHOOLS.forEach(s -> school(s, random));
        // after the teachers and from a seed of their own, so that the teachers and all drawn after
        // them are the same as before non-teaching staff existed
        Random others = new Random(SEED + 1);
        SCHOOLS.forEach(s -> nonTeachingStaff(s, others));
    }

    private void region(String code, String name, String nameEn, String level, String parent, String path) {
        jdbc.sql("""
                        INSERT INTO region (code, name, name_en, level, parent_id, path)
                        VALUES (:c, :n, :e, :l, (SELECT id FROM region WHERE code = :p), :path)
                        """)
                .param("c", code)
                .param("n", name)
                .param("e", nameEn)
                .param("l", level)
                .param("p", parent)
                .param("path", path)
                .update();
    }

    private void school(DemoSchool s, Random random) {
        jdbc.sql("""
                        INSERT INTO school (code, name, name_en, region_id, founded_year)
                        VALUES (:c, :n, :e, (SELECT id FROM region WHERE code = :r), :f)
                        """)
                .param("c", s.code())
                .param("n", s.name())
                .param("e", s.nameEn())
                .param("r", s.region())
                .param("f", s.founded())
                .update();
        long schoolId = jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", s.code())
                .query(Long.class)
                .single();
        s.majors()
                .forEach(m -> jdbc.sql(
                                "INSERT INTO school_major (school_id, major_id) SELECT :s, id FROM major WHERE code = :m")
                        .param("s", schoolId)
                        .param("m", m)
                        .update());
        for (int i = 1; i <= s.staff(); i++) {
            staff(schoolId, i, random);
        }
        classes(s, schoolId);
    }

    /** A teacher: full-time (专任教师) nine in ten, the others part-time or from an enterprise. */
    private void staff(long schoolId, int n, Random random) {
        boolean fullTime = random.nextInt(10) < 9;
        jdbc.sql("""
                        INSERT INTO staff (school_id, staff_number, name, title, full_time, dual_qualified)
                        VALUES (:s, :no, :name, :title, :ft, :dq)
                        """)
                .param("s", schoolId)
                .param("no", String.format("T%04d", n))
                .param("name", name(random))
                .param("title", TITLES.get(random.nextInt(TITLES.size())))
                .param("ft", fullTime)
                .param("dq", fullTime && random.nextInt(10) < 6)
                .update();
    }

    /**
     * Full-time staff who do not teach, so that a school's staff are more than its 专任教师: one in
     * ten administrative, one in twenty teaching support, one in twenty-five service (of the count
     * of teachers), numbered X001.. after the teachers' T0001...
     */
    private void nonTeachingStaff(DemoSchool s, Random random) {
        long schoolId = jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", s.code())
                .query(Long.class)
                .single();
        int n = 0;
        for (var share : List.of(
                new NonTeaching(StaffCategory.ADMINISTRATIVE, 10, "科员"),
                new NonTeaching(StaffCategory.SUPPORT, 20, "实验员"),
                new NonTeaching(StaffCategory.WORKER, 25, null))) {
            for (int i = 0; i < s.staff() / share.oneIn(); i++) {
                jdbc.sql("""
                                INSERT INTO staff (school_id, staff_number, name, title, category, full_time, dual_qualified)
                                VALUES (:s, :no, :name, :title, :category, TRUE, FALSE)
                                """)
                        .param("s", schoolId)
                        .param("no", String.format("X%03d", ++n))
                        .param("name", name(random))
                        .param("title", share.title())
                        .param("category", share.category().name())
                        .update();
            }
        }
    }

    private record NonTeaching(StaffCategory category, int oneIn, String title) {}

    private void classes(DemoSchool s, long schoolId) {
        int adviser = 1;
        for (int year = 2024; year <= 2026; year++) {
            for (String major : s.majors()) {
                int count = (major.equals("750107") ? 4 : major.equals("750106") ? 2 : 1) * s.scale();
                for (int k = 1; k <= count; k++) {
                    String majorName = MAJORS.stream()
                            .filter(m -> m.code().equals(major))
                            .findFirst()
                            .orElseThrow()
                            .name();
                    jdbc.sql("""
                                    INSERT INTO school_class (school_id, major_id, entry_year, name, adviser_staff_id)
                                    VALUES (:s, (SELECT id FROM major WHERE code = :m), :y, :n,
                                            (SELECT id FROM staff WHERE school_id = :s AND staff_number = :a))
                                    """)
                            .param("s", schoolId)
                            .param("m", major)
                            .param("y", year)
                            .param("n", year + "级" + majorName + k + "班")
                            .param("a", String.format("T%04d", adviser++))
                            .update();
                }
            }
        }
    }

    private static String name(Random random) {
        StringBuilder sb = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int given = random.nextInt(3) == 0 ? 1 : 2;
        for (int i = 0; i < given; i++) {
            sb.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return sb.toString();
    }
}
