package org.craftline.training.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.craftline.shared.Term;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practical-training rate of a term: required items (rows of {@code practical_requirement} for
 * the term) held at least once in that term (a session of the item whose term is the term, any
 * class) / required items; null when nothing is required. One set-based query per level.
 */
@Service
public class TrainingRates {

    /**
     * The required items of the schools in the term, each joined to whether it was held: the rows every
     * level counts. {@code h.item_id} is null for an item not held. Binds :schools, :term, :from, :to.
     */
    static final String REQUIRED = """
            FROM practical_requirement r
            JOIN practical_item i ON i.id = r.item_id
            JOIN course c ON c.id = i.course_id
            JOIN major m ON m.id = c.major_id
            JOIN school sc ON sc.id = r.school_id
            LEFT JOIN (SELECT DISTINCT item_id FROM training_session
                       WHERE school_id IN (:schools) AND held_on BETWEEN :from AND :to AND term = :term) h
                   ON h.item_id = r.item_id
            WHERE r.school_id IN (:schools) AND r.term = :term
            """;

    private final JdbcClient jdbc;
    private final TrainingSchools schools;
    private final Clock clock;

    TrainingRates(JdbcClient jdbc, TrainingSchools schools, Clock clock) {
        this.jdbc = jdbc;
        this.schools = schools;
        this.clock = clock;
    }

    /** A rate with the counts it comes from. */
    public record SchoolRate(String schoolCode, String schoolName, long required, long held, Double rate) {}

    public record MajorRate(String majorCode, String majorName, long required, long held, Double rate) {}

    public record CourseRate(
            String courseCode,
            String courseName,
            String majorCode,
            String majorName,
            long required,
            long held,
            Double rate) {

        /** The rate in whole percent, for a progress bar. */
        public int percent() {
            return rate == null ? 0 : (int) Math.round(rate * 100);
        }
    }

    /** A required item not yet held in the term. */
    public record MissingItem(
            String courseCode, String courseName, String itemCode, String itemName, String majorName) {}

    /** Everything the rates page and API show for one school and term. */
    public record Rates(
            String schoolCode,
            String schoolName,
            String term,
            long required,
            long held,
            Double rate,
            List<MajorRate> majors,
            List<CourseRate> courses,
            List<MissingItem> missing) {}

    /** The rates of a school (named, or the user's own) in a term (given, or the default term). */
    @Transactional(readOnly = true)
    public Rates of(String schoolCode, String termText) {
        long schoolId = schools.readable(schoolCode);
        Term term = termText == null || termText.isBlank() ? defaultTerm(schoolId) : Term.parse(termText);
        SchoolRate school =
                bySchool(List.of(schoolId), term).stream().findFirst().orElseGet(() -> emptySchool(schoolId));
        return new Rates(
                school.schoolCode(),
                school.schoolName(),
                term.toString(),
                school.required(),
                school.held(),
                school.rate(),
                byMajor(schoolId, term),
                byCourse(schoolId, term),
                missing(schoolId, term));
    }

    /** The rate of each given school that requires anything in the term. No scope check: callers check. */
    public List<SchoolRate> bySchool(Collection<Long> schoolIds, Term term) {
        return query(
                        "SELECT sc.code, sc.name, COUNT(*), COUNT(h.item_id) " + REQUIRED
                                + " GROUP BY sc.code, sc.name ORDER BY sc.code",
                        schoolIds,
                        term)
                .query((rs, n) -> new SchoolRate(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rate(rs.getLong(3), rs.getLong(4))))
                .list();
    }

    List<MajorRate> byMajor(long schoolId, Term term) {
        return query(
                        "SELECT m.code, m.name, COUNT(*), COUNT(h.item_id) " + REQUIRED
                                + " GROUP BY m.code, m.name ORDER BY m.code",
                        List.of(schoolId),
                        term)
                .query((rs, n) -> new MajorRate(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rate(rs.getLong(3), rs.getLong(4))))
                .list();
    }

    List<CourseRate> byCourse(long schoolId, Term term) {
        return query(
                        "SELECT c.code, c.name, m.code, m.name, COUNT(*), COUNT(h.item_id) " + REQUIRED
                                + " GROUP BY c.code, c.name, m.code, m.name ORDER BY m.code, c.code",
                        List.of(schoolId),
                        term)
                .query((rs, n) -> new CourseRate(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rate(rs.getLong(5), rs.getLong(6))))
                .list();
    }

    List<MissingItem> missing(long schoolId, Term term) {
        return query(
                        "SELECT c.code AS course_code, c.name AS course_name, i.code AS item_code, i.name AS item_name,"
                                + " m.name AS major_name " + REQUIRED
                                + " AND h.item_id IS NULL ORDER BY m.code, c.code, i.code",
                        List.of(schoolId),
                        term)
                .query(MissingItem.class)
                .list();
    }

    /** The latest term with requirements of the school that is not after today's term, else today's. */
    @Transactional(readOnly = true)
    public Term defaultTerm(long schoolId) {
        Term today = Term.of(LocalDate.now(clock));
        return jdbc.sql("SELECT MAX(term) FROM practical_requirement WHERE school_id = :s AND term <= :t")
                .param("s", schoolId)
                .param("t", today.toString())
                .query(String.class)
                .optional()
                .map(Term::parse)
                .orElse(today);
    }

    /** The terms to choose from: those with requirements of the school, and today's; newest first. */
    @Transactional(readOnly = true)
    public List<String> terms(long schoolId) {
        TreeSet<String> terms =
                new TreeSet<>(jdbc.sql("SELECT DISTINCT term FROM practical_requirement WHERE school_id = :s")
                        .param("s", schoolId)
                        .query(String.class)
                        .list());
        terms.add(Term.of(LocalDate.now(clock)).toString());
        return List.copyOf(terms.descendingSet());
    }

    private JdbcClient.StatementSpec query(String sql, Collection<Long> schoolIds, Term term) {
        return jdbc.sql(sql)
                .params(Map.of(
                        "schools", schoolIds.isEmpty() ? List.of(-1L) : schoolIds,
                        "term", term.toString(),
                        "from", term.start(),
                        "to", term.end()));
    }

    private SchoolRate emptySchool(long schoolId) {
        return jdbc.sql("SELECT code, name FROM school WHERE id = :s")
                .param("s", schoolId)
                .query((rs, n) -> new SchoolRate(rs.getString(1), rs.getString(2), 0, 0, null))
                .single();
    }

    static Double rate(long required, long held) {
        return required == 0 ? null : (double) held / required;
    }
}
