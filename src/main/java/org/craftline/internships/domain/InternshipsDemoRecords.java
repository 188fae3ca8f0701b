package org.craftline.internships.domain;

import static org.craftline.internships.domain.InternshipsDemo.TODAY;
import static org.craftline.internships.domain.InternshipsDemo.at;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.craftline.internships.domain.DemoPlan.Planned;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What happened in the demo placements up to the demo's today: their history, the weekly logs
 * (the older ones co-signed and reviewed, the latest waiting; a few weeks missed), the supervisors'
 * visits and calls, one incident, one placement ended early, the mentors' and the school's grades
 * of the ended 认识实习.
 */
@Component
class InternshipsDemoRecords {

    static final String TEACHER = "zp-teacher";
    private static final LocalDate EARLY_END = LocalDate.of(2026, 10, 30);
    private static final String[] WORK = {
        "跟师傅练习勾线和粗坯，熟悉了砣具的更换。", "学习玉料的看料与设计，完成一件小挂件的打坯。", "参加车间安全培训，练习抛光，师傅讲解了俏色的用法。",
        "独立完成两件把件的细雕，师傅指出线条不够流畅。", "跟班学习接待客户、介绍玉器品种和计价。", "整理网店商品图片并写了十条商品描述。"
    };
    private static final String[] GRADES = {"EXCELLENT", "GOOD", "GOOD", "FAIR", "EXCELLENT", "GOOD", "PASS", "FAIR"};

    private final JdbcTemplate jdbc;

    InternshipsDemoRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void load(List<Long> ids, List<Planned> plan, Random random) {
        long early = ids.get(plan.size() / 3);
        jdbc.update(
                "UPDATE internship SET status = 'ENDED_EARLY', ended_on = ?, end_reason = ? WHERE id = ?",
                Date.valueOf(EARLY_END),
                "家庭搬迁外省，经学校、企业和学生三方协商提前终止实习",
                early);
        history(ids);
        logs(ids, plan, random);
        contacts(ids, random);
        evaluations(ids, plan, random);
    }

    /** Planned two weeks before the start, started, and ended for those that have. */
    private void history(List<Long> ids) {
        String from = " FROM internship WHERE id BETWEEN ? AND ?";
        long first = ids.get(0);
        long last = ids.get(ids.size() - 1);
        jdbc.update(
                "INSERT INTO internship_status_change (internship_id, status, changed_on, reason, recorded_by,"
                        + " recorded_at) SELECT id, 'PLANNED', CAST(created_at AS DATE), NULL, '" + TEACHER
                        + "', created_at"
                        + from,
                first,
                last);
        jdbc.update(
                "INSERT INTO internship_status_change (internship_id, status, changed_on, reason, recorded_by,"
                        + " recorded_at) SELECT id, 'IN_PROGRESS', starts_on, NULL, '" + TEACHER
                        + "', CAST(starts_on AS TIMESTAMP)"
                        + from,
                first,
                last);
        jdbc.update(
                "INSERT INTO internship_status_change (internship_id, status, changed_on, reason, recorded_by,"
                        + " recorded_at) SELECT id, status, ended_on, end_reason, '" + TEACHER
                        + "', CAST(ended_on AS TIMESTAMP)"
                        + from
                        + " AND ended_on IS NOT NULL",
                first,
                last);
    }

    /** One log a week up to the demo's today: co-signed within a week, reviewed within two. */
    private void logs(List<Long> ids, List<Planned> plan, Random random) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Planned p = plan.get(i);
            LocalDate end = i == plan.size() / 3 ? EARLY_END : p.endsOn();
            for (LocalDate week = p.startsOn(); !week.isAfter(end) && !week.isAfter(TODAY); week = week.plusWeeks(1)) {
                if (random.nextInt(100) < 5) {
                    continue; // a week missed
                }
                boolean signed = week.plusWeeks(2).isBefore(TODAY) || random.nextInt(3) == 0;
                boolean reviewed = signed && (week.plusWeeks(3).isBefore(TODAY) || random.nextInt(3) == 0);
                rows.add(new Object[] {
                    ids.get(i),
                    Date.valueOf(week),
                    WORK[random.nextInt(WORK.length)],
                    at(week.plusDays(4)),
                    signed ? p.mentorName() : null,
                    signed ? at(week.plusDays(6)) : null,
                    reviewed ? TEACHER : null,
                    reviewed ? at(week.plusDays(9)) : null,
                    reviewed && random.nextInt(4) == 0 ? "记录具体，注意安全操作。" : null
                });
            }
        }
        jdbc.batchUpdate(
                "INSERT INTO internship_log (internship_id, week_of, body, submitted_at, signed_by, signed_at,"
                        + " reviewed_by, reviewed_at, review_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    /** A visit to a dozen interns, calls to a few more, and one injury followed up and closed. */
    private void contacts(List<Long> ids, Random random) {
        List<Object[]> rows = new ArrayList<>();
        for (int k = 0; k < 18; k++) {
            long id = ids.get(random.nextInt(ids.size() / 2));
            boolean visit = k < 12;
            LocalDate on = LocalDate.of(2026, 9, 21).plusDays(random.nextInt(50));
            rows.add(new Object[] {
                id,
                visit ? "VISIT" : "CALL",
                Date.valueOf(on),
                visit ? "到岗走访：住宿和伙食安排妥当，师傅带教认真，实习内容与计划一致。" : "电话回访：学生适应良好，提醒按时提交周志。",
                TEACHER,
                at(on)
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO internship_contact (internship_id, kind, contacted_on, note, recorded_by, recorded_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                rows);
        LocalDate on = LocalDate.of(2026, 10, 14);
        jdbc.update(
                "INSERT INTO internship_incident (internship_id, kind, occurred_on, description, follow_up, closed_on,"
                        + " recorded_by, recorded_at) VALUES (?, 'INJURY', ?, ?, ?, ?, ?, ?)",
                ids.get(7),
                Date.valueOf(on),
                "打磨时左手食指被砂轮擦伤，企业现场包扎后送镇卫生院处理。",
                "伤口已愈合，学生返岗；企业为砂轮加装防护罩并重新组织安全培训，责任保险已报案。",
                Date.valueOf(on.plusDays(7)),
                TEACHER,
                at(on));
    }

    /** The ended 认识实习: graded by the mentor, then by the school. */
    private void evaluations(List<Long> ids, List<Planned> plan, Random random) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Planned p = plan.get(i);
            if (p.kind() != InternshipKind.COGNITIVE) {
                continue;
            }
            String mentor = GRADES[random.nextInt(GRADES.length)];
            String school = random.nextInt(40) == 0 ? "FAIL" : mentor;
            rows.add(new Object[] {
                ids.get(i),
                mentor,
                "态度认真，能按要求完成认识实习任务。",
                p.mentorName(),
                at(p.endsOn().plusDays(3)),
                school,
                "FAIL".equals(school) ? "缺勤较多，实习报告未交。" : "实习报告完整。",
                TEACHER,
                at(p.endsOn().plusDays(10)),
                Grade.valueOf(school).passes()
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO internship_evaluation (internship_id, mentor_grade, mentor_comment, mentor_by, mentor_at,"
                        + " school_grade, school_comment, school_by, school_at, passed)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }
}
