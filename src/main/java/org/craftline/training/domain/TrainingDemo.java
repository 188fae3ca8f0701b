package org.craftline.training.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.craftline.organisation.OrganisationApi;
import org.craftline.organisation.OrganisationApi.ClassRef;
import org.craftline.platform.DemoContributor;
import org.craftline.shared.Term;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Courses, syllabus, workshops and sessions of the three demo schools for the terms 2024-2025-1 to
 * 2026-2027-1 (the last held up to 2026-11-20). The Zhenping school holds nearly every required item
 * (its rate leads the province, as its profile says), the others fewer; a few items stay missing
 * everywhere. Deterministic: fixed seed, fixed dates, a fixed share of missing items per term.
 */
@Component
class TrainingDemo implements DemoContributor {

    static final List<Term> TERMS = List.of(
            Term.parse("2024-2025-1"),
            Term.parse("2024-2025-2"),
            Term.parse("2025-2026-1"),
            Term.parse("2025-2026-2"),
            Term.parse("2026-2027-1"));
    static final Term CURRENT = TERMS.get(TERMS.size() - 1);
    static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 20);
    private static final long SEED = 20_240_901L;

    /** A school's share of required items left unheld: in past terms and in the current one. */
    record Profile(String school, double missingPast, double missingCurrent, int minCourses, String[][] workshops) {}

    static final List<Profile> PROFILES = List.of(
            new Profile("4141013240", 0.02, 0.10, 3, new String[][] {
                {"玉雕大师工作室（一）", "WORKSHOP", "180", "24", "680000"},
                {"玉雕大师工作室（二）", "WORKSHOP", "160", "20", "620000"},
                {"玉雕大师工作室（三）", "WORKSHOP", "150", "20", "560000"},
                {"地毯织造实训室", "WORKSHOP", "320", "40", "420000"},
                {"珠宝首饰镶嵌实训室", "WORKSHOP", "200", "36", "760000"},
                {"电脑雕刻实训室", "WORKSHOP", "240", "30", "1280000"},
                {"石佛寺玉雕实训基地", "BASE", "1200", "80", "900000"}
            }),
            new Profile("4141013001", 0.20, 0.33, 2, new String[][] {
                {"工艺美术实训室", "WORKSHOP", "150", "30", "260000"}, {"计算机实训室", "WORKSHOP", "120", "50", "400000"}
            }),
            new Profile("4141013250", 0.24, 0.38, 2, new String[][] {
                {"计算机实训室", "WORKSHOP", "110", "45", "350000"}, {"地毯织造实训室", "WORKSHOP", "180", "24", "210000"}
            }));

    static final Map<String, String[]> COURSES = Map.of(
            "750106", new String[] {"素描与色彩", "工艺美术设计基础", "传统工艺技法", "工艺品造型"},
            "750107", new String[] {"玉雕基础技法", "玉雕人物", "玉雕花鸟", "玉雕山水与薄意"},
            "750108", new String[] {"首饰制作基础", "宝石镶嵌工艺", "首饰起版", "首饰抛光与电镀"},
            "730602", new String[] {"珠宝玉石鉴定", "珠宝营销实务", "柜台导购实训", "直播营销"},
            "660104", new String[] {"三维建模", "数控雕刻编程", "精雕机操作", "雕刻后处理"},
            "750110", new String[] {"地毯图案设计", "手工织毯", "地毯平活与剪花", "地毯质量检验"},
            "710201", new String[] {"办公软件应用", "计算机组装与维护", "网络搭建", "图形图像处理"},
            "730701", new String[] {"网店开设与运营", "商品拍摄与美工", "客户服务实务", "电商数据分析"});
    static final String[] TOPICS = {"工具与安全规范", "基础操作", "单项技能训练", "图样与工艺设计", "综合训练", "作品制作", "质量检验", "考核与评价"};
    static final int[] HOURS = {4, 6, 8, 12, 16};

    private final OrganisationApi organisation;
    private final JdbcTemplate jdbc;

    TrainingDemo(OrganisationApi organisation, JdbcTemplate jdbc) {
        this.organisation = organisation;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public void load() {
        Random random = new Random(SEED);
        PROFILES.forEach(p -> school(p, random));
    }

    /** A required item of a term, and the major whose classes hold it. */
    record Required(long itemId, long majorId, int hours, Term term) {}

    private void school(Profile p, Random random) {
        long schoolId = organisation.schoolIdByCode(p.school()).orElseThrow();
        List<Long> workshops = workshops(schoolId, p.workshops());
        List<Required> required = syllabus(schoolId, p, random);
        List<Long> staff = jdbc.queryForList(
                "SELECT id FROM staff WHERE school_id = ? AND category = 'TEACHER' ORDER BY staff_number",
                Long.class,
                schoolId);
        List<ClassRef> classes = new ArrayList<>(organisation.classes(schoolId).values());
        classes.sort(Comparator.comparing(ClassRef::name));
        List<Object[]> sessions = new ArrayList<>();
        for (Term term : TERMS) {
            List<Required> ofTerm = new ArrayList<>(
                    required.stream().filter(r -> r.term().equals(term)).toList());
            double share = term.equals(CURRENT) ? p.missingCurrent() : p.missingPast();
            int missing = Math.max(1, (int) Math.round(ofTerm.size() * share));
            Collections.shuffle(ofTerm, random);
            for (Required r : ofTerm.subList(missing, ofTerm.size())) {
                sessions(schoolId, r, classes, staff, workshops, random, sessions);
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO training_session (school_id, item_id, class_id, held_on, term, hours, instructor_id, workshop_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, sessions);
    }

    private List<Long> workshops(long schoolId, String[][] rows) {
        List<Object[]> args = new ArrayList<>();
        for (String[] w : rows) {
            args.add(new Object[] {
                schoolId, w[0], w[1], new BigDecimal(w[2]), Integer.parseInt(w[3]), new BigDecimal(w[4])
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO workshop (school_id, name, kind, area, stations, equipment_value) VALUES (?, ?, ?, ?, ?, ?)",
                args);
        return jdbc.queryForList("SELECT id FROM workshop WHERE school_id = ? ORDER BY name", Long.class, schoolId);
    }

    /**
     * Courses and items of every major offered, and the terms each item is required in. The Zhenping
     * school's first two courses of each major are required for graduation (its students' results:
     * {@link TrainingDemoResults}).
     */
    private List<Required> syllabus(long schoolId, Profile p, Random random) {
        Map<String, Long> majors = organisation.majorsOffered(schoolId);
        List<Object[]> courses = new ArrayList<>();
        boolean demoSchool = p == PROFILES.get(0);
        majors.keySet().stream().sorted().forEach(major -> {
            int count = major.equals("750107") ? 4 : p.minCourses() + random.nextInt(5 - p.minCourses());
            for (int k = 1; k <= count; k++) {
                courses.add(new Object[] {
                    schoolId, majors.get(major), major + "-0" + k, COURSES.get(major)[k - 1], demoSchool && k <= 2
                });
            }
        });
        jdbc.batchUpdate(
                "INSERT INTO course (school_id, major_id, code, name, required) VALUES (?, ?, ?, ?, ?)", courses);
        List<Object[]> items = new ArrayList<>();
        Map<String, Long> courseMajor = new HashMap<>();
        jdbc.query(
                "SELECT id, major_id FROM course WHERE school_id = ? ORDER BY code",
                rs -> {
                    long courseId = rs.getLong(1);
                    int count = 4 + random.nextInt(5);
                    for (int n = 1; n <= count; n++) {
                        items.add(
                                new Object[] {schoolId, courseId, String.format("P%02d", n), TOPICS[n - 1], pick(random)
                                });
                    }
                    courseMajor.put(String.valueOf(courseId), rs.getLong(2));
                },
                schoolId);
        jdbc.batchUpdate(
                "INSERT INTO practical_item (school_id, course_id, code, name, hours) VALUES (?, ?, ?, ?, ?)", items);
        List<Required> required = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        int[] index = {0};
        jdbc.query(
                "SELECT id, course_id, hours FROM practical_item WHERE school_id = ? ORDER BY course_id, code",
                rs -> {
                    long itemId = rs.getLong(1);
                    int n = index[0]++;
                    for (int t = 0; t < TERMS.size(); t++) {
                        if ((n + t) % 4 != 0) {
                            long major = courseMajor.get(String.valueOf(rs.getLong(2)));
                            required.add(new Required(itemId, major, rs.getInt(3), TERMS.get(t)));
                            rows.add(
                                    new Object[] {itemId, schoolId, TERMS.get(t).toString()});
                        }
                    }
                },
                schoolId);
        jdbc.batchUpdate("INSERT INTO practical_requirement (item_id, school_id, term) VALUES (?, ?, ?)", rows);
        return required;
    }

    /** One to three sessions of the item for each class of its major that is at school in the term. */
    private static void sessions(
            long schoolId,
            Required r,
            List<ClassRef> classes,
            List<Long> staff,
            List<Long> workshops,
            Random random,
            List<Object[]> out) {
        int year = r.term().startYear();
        for (ClassRef c : classes) {
            if (c.majorId() != r.majorId() || c.entryYear() > year || c.entryYear() < year - 2) {
                continue;
            }
            int count = Math.min(3, (r.hours() + 3) / 4);
            int offset = random.nextInt(55);
            int left = r.hours();
            for (int j = 0; j < count; j++) {
                LocalDate day = r.term().start().plusDays(offset + 7L * j);
                int hours = Math.min(4, left);
                left -= hours;
                out.add(new Object[] {
                    schoolId,
                    r.itemId(),
                    c.id(),
                    day.isAfter(LAST_DAY) ? LAST_DAY : day,
                    r.term().toString(),
                    new BigDecimal(Math.max(hours, 2)),
                    staff.isEmpty() ? null : staff.get(random.nextInt(staff.size())),
                    random.nextInt(5) == 0 || workshops.isEmpty()
                            ? null
                            : workshops.get(random.nextInt(workshops.size()))
                });
            }
        }
    }

    private static int pick(Random random) {
        return HOURS[random.nextInt(HOURS.length)];
    }
}
