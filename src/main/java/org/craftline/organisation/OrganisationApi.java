package org.craftline.organisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.craftline.platform.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask the organisation module: school ids by code, the majors a school offers
 * and its classes, each loaded in one query for validating many rows at once. Callers apply the
 * user's scope to the school before asking.
 */
@Service
public class OrganisationApi {

    private final JdbcClient jdbc;

    OrganisationApi(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A class as other modules refer to it. */
    public record ClassRef(long id, String name, long majorId, String majorCode, int entryYear) {}

    /** A code and a name, for choices in other modules' forms. */
    public record Option(String code, String name) {}

    /** The schools of a scope, by code (at most 200, for a select box). */
    @Transactional(readOnly = true)
    public List<Option> schools(Scope scope) {
        return jdbc.sql("SELECT code, name FROM school WHERE " + scope.sql("id")
                        + " ORDER BY code FETCH FIRST 200 ROWS ONLY")
                .params(scope.params())
                .query(Option.class)
                .list();
    }

    /** The majors a school offers, by code. */
    @Transactional(readOnly = true)
    public List<Option> majorOptions(long schoolId) {
        return jdbc.sql("""
                        SELECT m.code, m.name FROM school_major sm JOIN major m ON m.id = sm.major_id
                        WHERE sm.school_id = :s ORDER BY m.code
                        """).param("s", schoolId).query(Option.class).list();
    }

    /** The staff member of a school with this staff number. */
    @Transactional(readOnly = true)
    public Optional<Long> staffId(long schoolId, String staffNumber) {
        return jdbc.sql("SELECT id FROM staff WHERE school_id = :s AND staff_number = :n")
                .param("s", schoolId)
                .param("n", staffNumber)
                .query(Long.class)
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<Long> schoolIdByCode(String code) {
        return jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .optional();
    }

    /** Major code to major id, for the majors the school offers. */
    @Transactional(readOnly = true)
    public Map<String, Long> majorsOffered(long schoolId) {
        return jdbc
                .sql(
                        "SELECT m.code, m.id FROM school_major sm JOIN major m ON m.id = sm.major_id WHERE sm.school_id = :s")
                .param("s", schoolId)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Up to {@code limit} classes of a school to choose from, by name: those of the entry year when
     * given, else of the latest entry years, and the selected one always; a large school's classes
     * are not all listed (index school_class_school_year_ix serves the order).
     */
    public List<ClassRef> classChoices(long schoolId, Integer entryYear, Long selected, int limit) {
        String year = entryYear == null ? "" : " AND c.entry_year = :y";
        List<ClassRef> choices = new ArrayList<>(jdbc.sql(CLASS_REF + " WHERE c.school_id = :s" + year
                        + " ORDER BY c.entry_year DESC, c.name FETCH FIRST " + limit + " ROWS ONLY")
                .param("s", schoolId)
                .param("y", entryYear)
                .query(ClassRef.class)
                .list());
        if (selected != null && choices.stream().noneMatch(c -> c.id() == selected)) {
            jdbc.sql(CLASS_REF + " WHERE c.school_id = :s AND c.id = :id")
                    .param("s", schoolId)
                    .param("id", selected)
                    .query(ClassRef.class)
                    .optional()
                    .ifPresent(choices::add);
        }
        choices.sort(Comparator.comparing(ClassRef::name));
        return choices;
    }

    private static final String CLASS_REF =
            "SELECT c.id, c.name, c.major_id, m.code AS major_code, c.entry_year FROM school_class c"
                    + " JOIN major m ON m.id = c.major_id";

    /** The school's classes by name. */
    @Transactional(readOnly = true)
    public Map<String, ClassRef> classes(long schoolId) {
        return jdbc.sql("""
                        SELECT c.id, c.name, c.major_id, m.code AS major_code, c.entry_year
                        FROM school_class c JOIN major m ON m.id = c.major_id WHERE c.school_id = :s
                        """).param("s", schoolId).query(ClassRef.class).list().stream()
                .collect(Collectors.toMap(ClassRef::name, c -> c));
    }
}
