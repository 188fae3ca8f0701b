package org.craftline.internships.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.craftline.employment.MatchRule;
import org.craftline.enterprises.Industry;

/**
 * The demo's placements as planned, before any is written: each final-year student (a few stay at
 * school for the entrance exam) at one of the county's medium jade or carpet units by its major,
 * the 岗位实习 of the autumn term and, for the jewellery-setting classes, the spring 认识实习 before
 * it. Every one is planned within the rules: eight hours five days a week, nothing at night, on
 * overtime or holidays, pay at least 80% of the post's wage, insured from before the start to after
 * the end, a guardian for a minor; the units' staff and posts' headcounts leave room for the shares.
 */
final class DemoPlan {

    static final LocalDate POST_STARTS = LocalDate.of(2026, 9, 7);
    static final LocalDate POST_ENDS = LocalDate.of(2027, 3, 5);
    static final LocalDate VISIT_STARTS = LocalDate.of(2026, 4, 13);
    static final LocalDate VISIT_ENDS = LocalDate.of(2026, 4, 24);
    static final String VISIT_MAJOR = "750108";
    static final String CARPET_MAJOR = "750110";
    static final String[] INSURERS = {"中国人民财产保险股份有限公司镇平支公司", "中国平安财产保险股份有限公司南阳中心支公司"};
    private static final Map<String, String> POSTS = Map.of(
            "750107",
            "玉雕学徒",
            "750106",
            "玉器设计助理",
            "750108",
            "首饰镶嵌学徒",
            "660104",
            "电脑雕刻操作员",
            "730602",
            "玉器导购",
            "730701",
            "网店运营助理",
            CARPET_MAJOR,
            "地毯织造学徒");
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
    private static final String GIVEN = "建国秀英国强桂兰志刚丽娟海军玉梅红军淑珍";

    /** A final-year student as the plan needs it, with its legal guardian on record (null: none). */
    record Student(
            long id,
            String number,
            String name,
            LocalDate birthDate,
            String majorCode,
            long adviserId,
            String guardian) {}

    /** A unit the plan may place interns at. */
    record Unit(long id, String industry) {}

    /** One planned placement. */
    record Planned(
            Student student,
            Unit unit,
            InternshipKind kind,
            String post,
            LocalDate startsOn,
            LocalDate endsOn,
            String mentorName,
            String mentorPhone,
            BigDecimal pay,
            BigDecimal wage,
            String insurer,
            String policy,
            LocalDate insuredFrom,
            LocalDate insuredTo,
            String guardian) {

        boolean minor() {
            return PlacementRules.isMinor(student.birthDate(), startsOn);
        }

        boolean matched() {
            return MatchRule.matches(student.majorCode(), Industry.valueOf(unit.industry()));
        }
    }

    private DemoPlan() {}

    /** The students left unplaced (at school for the entrance exam): about one in twenty-five. */
    static boolean staysAtSchool(Random random) {
        return random.nextInt(100) < 4;
    }

    static List<Planned> plan(List<Student> students, List<Unit> jade, List<Unit> carpet, Random random) {
        List<Planned> planned = new ArrayList<>();
        Map<Long, Unit> unitOf = new LinkedHashMap<>();
        int j = 0;
        int c = 0;
        for (Student s : students) {
            Unit unit =
                    CARPET_MAJOR.equals(s.majorCode()) ? carpet.get(c++ % carpet.size()) : jade.get(j++ % jade.size());
            unitOf.put(s.id(), unit);
            planned.add(post(s, unit, planned.size() + 1, random));
        }
        for (Student s : students) {
            if (VISIT_MAJOR.equals(s.majorCode())) {
                planned.add(visit(s, unitOf.get(s.id()), planned.size() + 1, random));
            }
        }
        return planned;
    }

    private static Planned post(Student s, Unit unit, int n, Random random) {
        BigDecimal wage = BigDecimal.valueOf(3000 + 500L * random.nextInt(3));
        BigDecimal pay = wage.multiply(PlacementRules.MIN_PAY_SHARE).add(BigDecimal.valueOf(100L * random.nextInt(5)));
        String insurer = INSURERS[n % INSURERS.length];
        return new Planned(
                s,
                unit,
                InternshipKind.POST,
                POSTS.get(s.majorCode()),
                POST_STARTS,
                POST_ENDS,
                person(random),
                phone(random),
                pay,
                wage,
                insurer,
                String.format("%s2026%06d", n % 2 == 0 ? "PDAA" : "PICC", n),
                LocalDate.of(2026, 9, 1),
                LocalDate.of(2027, 3, 31),
                guardian(s, random));
    }

    /** A two-week 认识实习: no post filled, no pay. */
    private static Planned visit(Student s, Unit unit, int n, Random random) {
        return new Planned(
                s,
                unit,
                InternshipKind.COGNITIVE,
                "首饰镶嵌认识实习",
                VISIT_STARTS,
                VISIT_ENDS,
                person(random),
                phone(random),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                INSURERS[0],
                String.format("PICC2026%06d", n),
                LocalDate.of(2026, 4, 10),
                LocalDate.of(2026, 4, 30),
                guardian(s, random));
    }

    /** The unit's interns over the autumn (岗位实习) by unit, then by post. */
    static Map<Long, Map<String, Integer>> internsByUnitAndPost(List<Planned> planned) {
        Map<Long, Map<String, Integer>> counts = new LinkedHashMap<>();
        planned.stream()
                .filter(p -> p.kind() == InternshipKind.POST)
                .forEach(p -> counts.computeIfAbsent(p.unit().id(), u -> new LinkedHashMap<>())
                        .merge(p.post(), 1, Integer::sum));
        return counts;
    }

    /** The legal guardian on the student's record; a name is drawn either way, so the rest of the plan stays as it was. */
    private static String guardian(Student s, Random random) {
        String drawn = s.name().charAt(0) + given(random);
        return s.guardian() != null ? s.guardian() : drawn;
    }

    private static String given(Random random) {
        int k = 2 * random.nextInt(GIVEN.length() / 2);
        return GIVEN.substring(k, k + 2);
    }

    private static String person(Random random) {
        return SURNAMES.charAt(random.nextInt(SURNAMES.length())) + given(random);
    }

    private static String phone(Random random) {
        return "13" + random.nextInt(10) + String.format("%08d", random.nextInt(100_000_000));
    }
}
