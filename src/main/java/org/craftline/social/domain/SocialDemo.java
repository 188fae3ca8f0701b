package org.craftline.social.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.DemoContributor;
import org.craftline.shared.ResidentIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The Zhenping school's rural labour transfer training base (农村劳动力转移培训基地): four transfer
 * programmes with two cohorts a year from 2019 to 2026 of 40-60 rural trainees from the county's
 * townships, about 92% completing, about 80% of completers employed after training, skill
 * certificates for most completers; a short course there and at the two smaller schools.
 * Deterministic: a fixed seed, fixed dates, no clock.
 */
@Component
class SocialDemo implements DemoContributor {

    private static final long SEED = 20_190_301L;
    static final String CERT_BODY = "南阳市职业技能鉴定中心";
    static final String[] TOWNSHIPS = {
        "石佛寺镇", "贾宋镇", "侯集镇", "老庄镇", "卢医镇", "遮山镇", "高丘镇", "曲屯镇", "枣园镇", "杨营镇",
        "安字营镇", "张林镇", "柳泉铺镇", "彭营镇", "郭庄镇", "晁陂镇", "王岗镇", "马庄镇", "二龙乡", "涅阳街道"
    };
    static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"
    };
    static final String[] GIVEN = {
        "秀英", "桂英", "建国", "国强", "志刚", "红霞", "丽娟", "海燕", "伟", "磊", "敏", "静", "强", "军", "勇", "艳", "涛", "明", "超", "娜",
        "玉兰", "春生", "德胜", "凤琴"
    };
    static final String[] EMPLOYERS = {
        "镇平县石佛寺玉雕产业园", "镇平国际玉城", "南阳宛艺地毯有限公司", "镇平县地毯织造合作社", "镇平县电商产业园",
        "郑州家政服务有限公司", "苏州市工业园区家政服务中心", "深圳市宝安区玉器加工厂", "广州番禺珠宝首饰厂", "镇平县贾宋镇玉器加工坊"
    };

    /** A programme of the demo: name, kind, occupation, hours, funding, certificate occupation. */
    record Plan(String name, ProgrammeKind kind, String occupation, int hours, String funding) {}

    static final List<Plan> ZHENPING = List.of(
            new Plan("玉雕工转移就业培训", ProgrammeKind.LABOUR_TRANSFER, "玉雕工", 120, "雨露计划"),
            new Plan("地毯织造工转移就业培训", ProgrammeKind.LABOUR_TRANSFER, "地毯织造工", 80, "县农村劳动力转移就业培训项目"),
            new Plan("农村电商转移就业培训", ProgrammeKind.LABOUR_TRANSFER, "电子商务师", 60, "县农村劳动力转移就业培训项目"),
            new Plan("家政服务员转移就业培训", ProgrammeKind.LABOUR_TRANSFER, "家政服务员", 56, "雨露计划"),
            new Plan("玉器抛光短期培训", ProgrammeKind.SHORT_COURSE, "玉雕工", 40, "自筹"));

    private final OrganisationApi organisation;
    private final JdbcTemplate jdbc;
    private final List<Object[]> trainees = new ArrayList<>();
    private final List<Object[]> enrolments = new ArrayList<>();
    private final List<Object[]> certificates = new ArrayList<>();
    private final Map<String, Object[]> people = new HashMap<>();
    private final Map<Long, List<String>> bySchool = new HashMap<>();
    private final java.util.Set<String> enrolled = new java.util.HashSet<>();
    private int serial;

    SocialDemo(OrganisationApi organisation, JdbcTemplate jdbc) {
        this.organisation = organisation;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public void load() {
        trainees.clear();
        enrolments.clear();
        certificates.clear();
        people.clear();
        bySchool.clear();
        enrolled.clear();
        serial = 0;
        Random random = new Random(SEED);
        long zhenping = schoolId("4141013240");
        for (int p = 0; p < ZHENPING.size(); p++) {
            Plan plan = ZHENPING.get(p);
            boolean transfer = plan.kind() == ProgrammeKind.LABOUR_TRANSFER;
            long programme = programme(zhenping, plan);
            for (int year = 2019; year <= 2026; year++) {
                for (int k = 0; k < (transfer ? 2 : 1); k++) {
                    String code = String.format("ZP%d-%d%02d", p + 1, year, k + 1);
                    cohort(zhenping, programme, plan, code, year, k, 40 + random.nextInt(21), random);
                }
            }
        }
        smallSchool("4141013001", "NY", random);
        smallSchool("4141013250", "NX", random);
        write();
    }

    private void smallSchool(String code, String prefix, Random random) {
        long school = schoolId(code);
        Plan plan = new Plan("乡村手工艺短期培训", ProgrammeKind.SHORT_COURSE, "工艺品制作工", 48, "自筹");
        long programme = programme(school, plan);
        for (int year = 2025; year <= 2026; year++) {
            cohort(school, programme, plan, prefix + "-" + year + "01", year, 0, 30, random);
        }
    }

    private long programme(long school, Plan plan) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(
                c -> {
                    var ps = c.prepareStatement(
                            "INSERT INTO programme (school_id, name, kind, occupation, hours, funding_source)"
                                    + " VALUES (?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    ps.setLong(1, school);
                    ps.setString(2, plan.name());
                    ps.setString(3, plan.kind().name());
                    ps.setString(4, plan.occupation());
                    ps.setInt(5, plan.hours());
                    ps.setString(6, plan.funding());
                    return ps;
                },
                keys);
        return keys.getKey().longValue();
    }

    private void cohort(long school, long programme, Plan plan, String code, int year, int k, int size, Random random) {
        LocalDate starts = LocalDate.of(year, k == 0 ? 3 : 9, 1 + 7 * random.nextInt(3));
        LocalDate ends = starts.plusDays(plan.hours() / 2 + 14L);
        var keys = new GeneratedKeyHolder();
        jdbc.update(
                c -> {
                    var ps = c.prepareStatement(
                            "INSERT INTO cohort (school_id, programme_id, code, starts_on, ends_on, place)"
                                    + " VALUES (?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    ps.setLong(1, school);
                    ps.setLong(2, programme);
                    ps.setString(3, code);
                    ps.setObject(4, starts);
                    ps.setObject(5, ends);
                    ps.setString(6, TOWNSHIPS[random.nextInt(TOWNSHIPS.length)] + "培训点");
                    return ps;
                },
                keys);
        long cohort = keys.getKey().longValue();
        for (int i = 0; i < size; i++) {
            String id = traineeId(school, plan, random);
            enrol(school, cohort, id, plan, ends, random);
        }
    }

    /** A new trainee, or (one time in twenty) one trained before who returns for another programme. */
    private String traineeId(long school, Plan plan, Random random) {
        List<String> known = bySchool.computeIfAbsent(school, s -> new ArrayList<>());
        if (!known.isEmpty() && random.nextInt(20) == 0) {
            return known.get(random.nextInt(known.size()));
        }
        String id;
        do {
            LocalDate birth = LocalDate.of(1966, 1, 1).plusDays(random.nextInt(365 * 36));
            String body = "411324" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
            id = body + ResidentIds.checkCharacter(body);
        } while (people.containsKey(school + id));
        boolean rural = plan.kind() == ProgrammeKind.LABOUR_TRANSFER || random.nextInt(3) > 0;
        String phone = random.nextInt(3) == 0
                ? null
                : "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
        Object[] row = {
            school,
            SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)],
            id,
            id.substring(14),
            ResidentIds.gender(id).name(),
            ResidentIds.birthDate(id),
            rural ? "RURAL" : "URBAN",
            TOWNSHIPS[random.nextInt(TOWNSHIPS.length)],
            phone
        };
        people.put(school + id, row);
        known.add(id);
        trainees.add(row);
        return id;
    }

    private void enrol(long school, long cohort, String id, Plan plan, LocalDate ends, Random random) {
        if (!enrolled.add(cohort + "/" + id)) {
            return; // a returning trainee drawn twice for one cohort
        }
        boolean completed = random.nextInt(100) < 92;
        int hours = completed ? plan.hours() - random.nextInt(5) : random.nextInt(plan.hours() / 2);
        Boolean employed = completed ? random.nextInt(100) < 80 : null;
        boolean yes = Boolean.TRUE.equals(employed);
        enrolments.add(new Object[] {
            school,
            cohort,
            id,
            hours,
            completed,
            completed ? ends : null,
            employed,
            yes ? EMPLOYERS[random.nextInt(EMPLOYERS.length)] : null,
            yes ? random.nextInt(10) < 7 : null,
            employed == null ? null : ends.plusMonths(3)
        });
        if (completed && random.nextInt(100) < 85) {
            boolean level4 = random.nextInt(100) < 15;
            certificates.add(new Object[] {
                school,
                id,
                level4 ? "LEVEL_4" : "LEVEL_5",
                level4 ? 2 : 1,
                plan.occupation(),
                CERT_BODY,
                String.format("PX%d%07d", ends.getYear(), ++serial),
                ends.getYear(),
                ends.plusDays(20).getYear() == ends.getYear() ? ends.plusDays(20) : ends
            });
        }
    }

    private void write() {
        jdbc.batchUpdate("""
                INSERT INTO trainee (school_id, name, id_number, id_tail, gender, birth_date, household, township, phone)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, trainees);
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("SELECT school_id, id_number, id FROM trainee", rs -> {
            ids.put(rs.getLong(1) + rs.getString(2), rs.getLong(3));
        });
        jdbc.batchUpdate(
                """
                INSERT INTO enrolment (school_id, cohort_id, trainee_id, attendance_hours, completed, completed_on,
                       employed, employer, employed_locally, employment_recorded_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, enrolments.stream().map(e -> withTrainee(e, 2, ids)).toList());
        jdbc.batchUpdate(
                """
                INSERT INTO certificate (school_id, trainee_id, kind, grade, grade_rank, name, issuing_body, cert_number,
                       issued_year, issued_on, status)
                VALUES (?, ?, 'SKILL', ?, ?, ?, ?, ?, ?, ?, 'VALID')
                """, certificates.stream().map(c -> withTrainee(c, 1, ids)).toList());
    }

    private static Object[] withTrainee(Object[] row, int idColumn, Map<String, Long> ids) {
        Object[] copy = row.clone();
        copy[idColumn] = ids.get(String.valueOf(row[0]) + row[idColumn]);
        return copy;
    }

    private long schoolId(String code) {
        return organisation.schoolIdByCode(code).orElseThrow();
    }
}
