package org.craftline.enterprises.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.craftline.platform.DemoContributor;
import org.craftline.shared.CreditCodes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cluster's enterprises: 2,400 small units in Zhenping county (mostly jade carving workshops,
 * then carpet makers) and a few in the neighbouring counties; the two vocational education groups
 * with the Zhenping school as director unit and lead unit. Deterministic (fixed seed).
 */
@Component
class EnterprisesDemo implements DemoContributor {

    static final int ZHENPING_ENTERPRISES = 2_400;
    private static final long SEED = 19_870_601L;
    private static final String[] TOWNS = {
        "石佛寺镇", "城关镇", "玉都街道", "涅阳街道", "雪枫街道", "侯集镇", "晁陂镇", "贾宋镇", "杨营镇", "卢医镇",
        "遮山镇", "高丘镇", "曲屯镇", "枣园镇", "安字营镇", "彭营镇", "张林镇", "柳泉铺镇", "马庄乡", "王岗乡"
    };
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯";
    private static final String WORDS = "玉宝翠祥瑞和兴隆鑫德福华盛源鼎艺珍雅韵聚";

    private final JdbcTemplate jdbc;

    EnterprisesDemo(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public void load() {
        Random random = new Random(SEED);
        List<Object[]> rows = new ArrayList<>();
        for (int n = 1; n <= ZHENPING_ENTERPRISES; n++) {
            rows.add(enterprise(n, "411324", random));
        }
        for (int n = 1; n <= 120; n++) {
            rows.add(enterprise(ZHENPING_ENTERPRISES + n, n % 2 == 0 ? "411302" : "411325", random));
        }
        jdbc.batchUpdate("""
                INSERT INTO enterprise (credit_code, name, industry, region_id, town, size_band, contact)
                VALUES (?, ?, ?, (SELECT id FROM region WHERE code = ?), ?, ?, ?)
                """, rows);
        groups();
        cooperations();
    }

    /** The Zhenping school's partners: its larger jade and carpet enterprises, by type. */
    private void cooperations() {
        String[] types = {"INTERNSHIP_BASE", "ORDER_CLASS", "TRAINING_BASE", "EMPLOYMENT_PARTNER"};
        List<Long> partners = jdbc.queryForList("""
                SELECT e.id FROM enterprise e JOIN region r ON r.id = e.region_id
                WHERE r.code = '411324' AND e.size_band = 'MEDIUM' ORDER BY e.id
                """, Long.class);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < partners.size(); i++) {
            int start = 2012 + i % 12;
            rows.add(new Object[] {
                partners.get(i),
                types[i % types.length],
                java.time.LocalDate.of(start, 9, 1),
                i % 3 == 0 ? null : java.time.LocalDate.of(start + 3, 8, 31)
            });
        }
        jdbc.batchUpdate("""
                INSERT INTO cooperation (school_id, enterprise_id, type, starts_on, ends_on, created_at)
                SELECT id, ?, ?, ?, ?, CURRENT_TIMESTAMP FROM school WHERE code = '4141013240'
                """, rows);
    }

    private static Object[] enterprise(int n, String region, Random random) {
        int roll = random.nextInt(100);
        String industry = roll < 70 ? "JADE_CARVING" : roll < 90 ? "CARPET" : roll < 97 ? "ARTS_CRAFTS" : "OTHER";
        String town = "411324".equals(region) ? TOWNS[random.nextInt(TOWNS.length)] : null;
        String stem = "" + WORDS.charAt(random.nextInt(WORDS.length())) + WORDS.charAt(random.nextInt(WORDS.length()));
        String owner = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        String name = switch (industry) {
            case "JADE_CARVING" ->
                (town == null ? "" : town.substring(0, 2)) + stem + (random.nextBoolean() ? "玉雕厂" : owner + "氏玉雕工作室");
            case "CARPET" -> stem + "地毯厂";
            case "ARTS_CRAFTS" -> stem + "工艺品有限公司";
            default -> stem + "商贸有限公司";
        };
        // individual businesses (92) mostly; a few companies (91); every fifteenth has no code yet
        String code = null;
        if (n % 15 != 0) {
            String body = (roll < 80 ? "92" : "91") + region + "MA" + String.format("%07d", n);
            code = body + CreditCodes.checkCharacter(body);
        }
        int size = random.nextInt(100);
        return new Object[] {
            code, name, industry, region, town, size < 75 ? "MICRO" : size < 95 ? "SMALL" : "MEDIUM", null
        };
    }

    private void groups() {
        jdbc.update(
                "INSERT INTO edu_group (name, name_en, level, founded_year) VALUES (?, ?, 'PROVINCIAL', 2012)",
                "河南省工艺美术职业教育集团",
                "Henan Arts and Crafts Vocational Education Group");
        jdbc.update(
                "INSERT INTO edu_group (name, name_en, level, founded_year) VALUES (?, ?, 'COUNTY', 2010)",
                "镇平县玉雕职业教育集团",
                "Zhenping Jade Carving Vocational Education Group");
        member("河南省工艺美术职业教育集团", "4141013240", "DIRECTOR");
        member("河南省工艺美术职业教育集团", "4141013001", "VICE_DIRECTOR");
        member("河南省工艺美术职业教育集团", "4141013250", "MEMBER");
        member("镇平县玉雕职业教育集团", "4141013240", "LEAD");
        jdbc.update(
                "INSERT INTO edu_group_member (group_id, association, role) SELECT id, ?, 'VICE_DIRECTOR' FROM edu_group WHERE name = ?",
                "镇平县玉雕协会",
                "镇平县玉雕职业教育集团");
        jdbc.update("""
                INSERT INTO edu_group_member (group_id, enterprise_id, role)
                SELECT g.id, e.id, 'MEMBER' FROM edu_group g, enterprise e
                WHERE g.name = ? AND e.size_band = 'MEDIUM' AND e.industry = 'JADE_CARVING'
                """, "镇平县玉雕职业教育集团");
    }

    private void member(String group, String schoolCode, String role) {
        jdbc.update("""
                INSERT INTO edu_group_member (group_id, school_id, role)
                SELECT g.id, s.id, ? FROM edu_group g, school s WHERE g.name = ? AND s.code = ?
                """, role, group, schoolCode);
    }
}
