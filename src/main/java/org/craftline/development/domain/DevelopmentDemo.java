package org.craftline.development.domain;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.DemoContributor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The honours of the school profile with plausible awarding bodies, levels and years, a few personal
 * honours, and the provincial special-fund projects of the Zhenping school (¥4.6 million, all spent
 * on capacity-building lines, one entry reversed); the other schools also spend on non-capacity lines.
 * Deterministic (fixed seed and dates).
 */
@Component
class DevelopmentDemo implements DemoContributor {

    static final String ZHENPING = "4141013240";
    static final String PROVINCIAL_FUND = "省级职业教育发展专项资金";
    private static final long SEED = 20_111_001L;
    private static final Timestamp CREATED = Timestamp.from(Instant.parse("2026-01-05T00:00:00Z"));

    /** title, awarding body, level, from year, to year (or null), holder ("" school, "T0001" staff, "G" a graduate). */
    private static final String[][] ZHENPING_HONOURS = {
        {"国家级重点中等职业学校", "中华人民共和国教育部", "NATIONAL", "2007", null, ""},
        {"河南省职业教育先进集体", "河南省人民政府", "PROVINCIAL", "2011", null, ""},
        {"河南省示范性中等职业学校", "河南省教育厅", "PROVINCIAL", "2009", null, ""},
        {"河南省中等职业学校职业指导与就业服务示范校", "河南省教育厅", "PROVINCIAL", "2012", null, ""},
        {"河南省科技进步十强学校", "河南省教育厅", "PROVINCIAL", "2010", null, ""},
        {"农村劳动力转移培训基地", "河南省人力资源和社会保障厅", "PROVINCIAL", "2006", null, ""},
        {"2010-2012年职业教育项目库建设项目学校", "河南省教育厅", "PROVINCIAL", "2010", "2012", ""},
        {"河南省百所重点示范县级中等职业学校", "河南省教育厅", "PROVINCIAL", "2012", null, ""},
        {"河南省玉雕人才培养基地", "河南省工业和信息化厅", "PROVINCIAL", "2013", null, ""},
        {"河南省玉雕行业协会常务理事单位", "河南省玉雕行业协会", "PROVINCIAL", "2014", null, ""},
        {"河南省工艺美术职业教育集团理事长单位", "河南省教育厅", "PROVINCIAL", "2015", null, ""},
        {"南阳市职业教育先进单位", "南阳市人民政府", "MUNICIPAL", "2010", null, ""},
        {"南阳市教育教学质量先进单位", "南阳市教育局", "MUNICIPAL", "2011", null, ""},
        {"科教兴宛先进单位", "中共南阳市委 南阳市人民政府", "MUNICIPAL", "2009", null, ""},
        {"镇平县玉雕职业教育集团牵头单位", "镇平县人民政府", "COUNTY", "2015", null, ""},
        {"河南省优秀教师", "河南省教育厅", "PROVINCIAL", "2014", null, "T0001"},
        {"南阳市骨干教师", "南阳市教育局", "MUNICIPAL", "2016", null, "T0002"},
        {"全国职业院校技能大赛优秀指导教师", "中华人民共和国教育部", "NATIONAL", "2019", null, "T0003"},
        {"河南省技术能手", "河南省人力资源和社会保障厅", "PROVINCIAL", "2015", null, "G"},
        {"中国玉石雕刻作品“天工奖”金奖", "中国轻工珠宝首饰中心", "NATIONAL", "2018", null, "G"}
    };

    private static final String[][] NANYANG_HONOURS = {
        {"河南省重点中等职业学校", "河南省教育厅", "PROVINCIAL", "2006", null, ""},
        {"南阳市职业教育先进单位", "南阳市人民政府", "MUNICIPAL", "2012", null, ""},
        {"南阳市文明单位", "南阳市精神文明建设委员会", "MUNICIPAL", "2016", null, ""}
    };

    private static final String[][] NEIXIANG_HONOURS = {
        {"河南省示范性中等职业学校", "河南省教育厅", "PROVINCIAL", "2014", null, ""},
        {"内乡县教育工作先进单位", "内乡县人民政府", "COUNTY", "2019", null, ""}
    };

    /** A line: category, description, planned yuan, share spent in per mille, capacity building. */
    private record DemoLine(LineCategory category, String description, String planned, int spentPerMille) {}

    private record DemoProject(
            String name,
            String source,
            AwardLevel level,
            int year,
            String amount,
            ProjectStatus status,
            List<DemoLine> lines) {}

    private static final List<DemoProject> ZHENPING_PROJECTS = List.of(
            new DemoProject(
                    "玉雕实训基地建设项目",
                    PROVINCIAL_FUND,
                    AwardLevel.PROVINCIAL,
                    2011,
                    "2000000.00",
                    ProjectStatus.COMPLETED,
                    List.of(
                            new DemoLine(LineCategory.TRAINING_BASES, "玉雕实训车间改造", "1200000.00", 1000),
                            new DemoLine(LineCategory.EQUIPMENT, "玉雕机、抛光机等实训设备", "800000.00", 996))),
            new DemoProject(
                    "省级示范性中等职业学校建设项目",
                    PROVINCIAL_FUND,
                    AwardLevel.PROVINCIAL,
                    2013,
                    "1600000.00",
                    ProjectStatus.COMPLETED,
                    List.of(
                            new DemoLine(LineCategory.TRAINING_FACILITIES, "设计与雕刻实训室", "700000.00", 1000),
                            new DemoLine(LineCategory.TEACHER_DEVELOPMENT, "双师型教师培训与大师工作室", "400000.00", 985),
                            new DemoLine(LineCategory.CURRICULUM, "玉雕专业核心课程与教材", "500000.00", 990))),
            new DemoProject(
                    "职业教育攻坚计划实训条件改善项目",
                    PROVINCIAL_FUND,
                    AwardLevel.PROVINCIAL,
                    2024,
                    "1000000.00",
                    ProjectStatus.ONGOING,
                    List.of(
                            new DemoLine(LineCategory.EQUIPMENT, "数控玉雕设备", "600000.00", 620),
                            new DemoLine(LineCategory.TRAINING_FACILITIES, "地毯织造实训室", "400000.00", 450))));

    private static final List<DemoProject> NANYANG_PROJECTS = List.of(new DemoProject(
            "数字化教学资源建设项目",
            "中央财政职业教育质量提升计划资金",
            AwardLevel.NATIONAL,
            2022,
            "800000.00",
            ProjectStatus.COMPLETED,
            List.of(
                    new DemoLine(LineCategory.CURRICULUM, "工艺美术数字课程", "500000.00", 980),
                    new DemoLine(LineCategory.OTHER, "会议、宣传及管理费用", "300000.00", 900))));

    private static final List<DemoProject> NEIXIANG_PROJECTS = List.of(new DemoProject(
            "县级职教中心实训设备购置项目",
            "县级财政",
            AwardLevel.COUNTY,
            2023,
            "500000.00",
            ProjectStatus.ONGOING,
            List.of(
                    new DemoLine(LineCategory.EQUIPMENT, "电子商务实训设备", "350000.00", 700),
                    new DemoLine(LineCategory.OTHER, "招生宣传", "150000.00", 600))));

    private static final String[] PAYEES = {
        "镇平县玉雕机械厂", "南阳市建筑安装工程有限公司", "河南省教学仪器设备有限公司", "郑州工艺美术研究所", "南阳市职业技能培训中心", "河南大学出版社"
    };

    private final OrganisationApi organisation;
    private final JdbcTemplate jdbc;

    DevelopmentDemo(OrganisationApi organisation, JdbcTemplate jdbc) {
        this.organisation = organisation;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public void load() {
        Random random = new Random(SEED);
        school(ZHENPING, ZHENPING_HONOURS, ZHENPING_PROJECTS, random);
        school("4141013001", NANYANG_HONOURS, NANYANG_PROJECTS, random);
        school("4141013250", NEIXIANG_HONOURS, NEIXIANG_PROJECTS, random);
    }

    private void school(String code, String[][] honours, List<DemoProject> projects, Random random) {
        long schoolId = organisation.schoolIdByCode(code).orElseThrow();
        honours(schoolId, honours);
        int voucher = 0;
        for (DemoProject p : projects) {
            voucher = project(schoolId, p, voucher, random);
        }
        if (code.equals(ZHENPING)) {
            reverseOne(schoolId);
        }
    }

    private void honours(long schoolId, String[][] honours) {
        List<Long> graduates = jdbc.queryForList(
                "SELECT id FROM student WHERE school_id = ? AND status = 'GRADUATED' ORDER BY student_number"
                        + " FETCH FIRST 2 ROWS ONLY",
                Long.class,
                schoolId);
        int graduate = 0;
        List<Object[]> rows = new ArrayList<>();
        for (String[] h : honours) {
            Long student = h[5].equals("G") && graduate < graduates.size() ? graduates.get(graduate++) : null;
            Long staff = h[5].startsWith("T") ? staffId(schoolId, h[5]) : null;
            rows.add(new Object[] {
                schoolId,
                student,
                staff,
                h[0],
                h[1],
                h[2],
                Integer.parseInt(h[3]),
                h[4] == null ? null : Integer.parseInt(h[4]),
                CREATED
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO honour (school_id, student_id, staff_id, title, awarding_body, honour_level, from_year, to_year,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    private Long staffId(long schoolId, String number) {
        return jdbc
                .queryForList(
                        "SELECT id FROM staff WHERE school_id = ? AND staff_number = ?", Long.class, schoolId, number)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private int project(long schoolId, DemoProject p, int voucher, Random random) {
        jdbc.update(
                "INSERT INTO funded_project (school_id, name, funding_source, project_level, award_year, amount_awarded,"
                        + " status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                schoolId,
                p.name(),
                p.source(),
                p.level().name(),
                p.year(),
                new BigDecimal(p.amount()),
                p.status().name(),
                CREATED);
        long projectId = jdbc.queryForObject(
                "SELECT id FROM funded_project WHERE school_id = ? AND name = ?", Long.class, schoolId, p.name());
        List<Object[]> entries = new ArrayList<>();
        for (DemoLine line : p.lines()) {
            jdbc.update(
                    "INSERT INTO budget_line (project_id, school_id, category, description, planned_amount,"
                            + " capacity_building) VALUES (?, ?, ?, ?, ?, ?)",
                    projectId,
                    schoolId,
                    line.category().name(),
                    line.description(),
                    new BigDecimal(line.planned()),
                    line.category().capacityBuildingByDefault());
            long lineId = jdbc.queryForObject(
                    "SELECT id FROM budget_line WHERE project_id = ? AND category = ?",
                    Long.class,
                    projectId,
                    line.category().name());
            long target =
                    new BigDecimal(line.planned()).movePointRight(2).longValueExact() * line.spentPerMille() / 1000;
            for (long cents : split(target, 3 + random.nextInt(4), random)) {
                voucher++;
                LocalDate on = LocalDate.of(p.year(), 4, 1)
                        .plusDays(random.nextInt(p.status() == ProjectStatus.ONGOING ? 420 : 600));
                entries.add(new Object[] {
                    schoolId,
                    projectId,
                    lineId,
                    on,
                    BigDecimal.valueOf(cents, 2),
                    PAYEES[random.nextInt(PAYEES.length)],
                    String.format("记-%d-%04d", p.year(), voucher),
                    CREATED
                });
            }
        }
        jdbc.batchUpdate(
                "INSERT INTO expenditure (school_id, project_id, line_id, spent_on, amount, payee, voucher_no, reversed,"
                        + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, 'demo', ?)",
                entries);
        return voucher;
    }

    /** Splits an amount in cents into n positive parts, the last taking what is left. */
    private static List<Long> split(long cents, int n, Random random) {
        List<Long> parts = new ArrayList<>(n);
        long left = cents;
        for (int i = 0; i < n - 1; i++) {
            long part = left / (n - i) * (70 + random.nextInt(61)) / 100;
            parts.add(part);
            left -= part;
        }
        parts.add(left);
        return parts;
    }

    /** A duplicate invoice on the ongoing project, booked and reversed: the ledger keeps both. */
    private void reverseOne(long schoolId) {
        long lineId = jdbc.queryForObject(
                "SELECT l.id FROM budget_line l JOIN funded_project p ON p.id = l.project_id"
                        + " WHERE p.school_id = ? AND p.award_year = 2024 AND l.category = 'EQUIPMENT'",
                Long.class,
                schoolId);
        long projectId = jdbc.queryForObject("SELECT project_id FROM budget_line WHERE id = ?", Long.class, lineId);
        jdbc.update(
                "INSERT INTO expenditure (school_id, project_id, line_id, spent_on, amount, payee, voucher_no, note, reversed,"
                        + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, 'demo', ?)",
                schoolId,
                projectId,
                lineId,
                LocalDate.of(2025, 6, 18),
                new BigDecimal("48600.00"),
                PAYEES[0],
                "记-2025-0618",
                "数控玉雕机 发票重复入账",
                CREATED);
        long original = jdbc.queryForObject(
                "SELECT id FROM expenditure WHERE school_id = ? AND voucher_no = '记-2025-0618'", Long.class, schoolId);
        jdbc.update(
                "INSERT INTO expenditure (school_id, project_id, line_id, spent_on, amount, payee, note, reverses_id,"
                        + " reversed, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, 'demo', ?)",
                schoolId,
                projectId,
                lineId,
                LocalDate.of(2025, 6, 25),
                new BigDecimal("-48600.00"),
                PAYEES[0],
                "发票重复入账 冲销",
                original,
                CREATED);
    }
}
