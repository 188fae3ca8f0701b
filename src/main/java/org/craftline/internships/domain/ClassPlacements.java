package org.craftline.internships.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.craftline.enterprises.EnterprisesApi;
import org.craftline.enterprises.EnterprisesApi.CooperationRef;
import org.craftline.internships.domain.ClassPlacementForm.StudentRow;
import org.craftline.platform.StoredFiles;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.InvalidFieldsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * A class's placements at one unit created in one step from the school's cooperation agreement with
 * it: each student's placement goes through {@link Placements#create} (the same rules, the same
 * audited refusals), in the order given so each counts towards the next one's shares; if any student
 * is refused, none is placed, and every refused student is named with what it broke.
 */
@Service
public class ClassPlacements {

    private final Placements placements;
    private final InternshipAccess access;
    private final EnterprisesApi registry;
    private final JdbcClient jdbc;

    ClassPlacements(Placements placements, InternshipAccess access, EnterprisesApi registry, JdbcClient jdbc) {
        this.placements = placements;
        this.access = access;
        this.registry = registry;
        this.jdbc = jdbc;
    }

    /** A student of the class as the batch page lists it. */
    public record ClassStudent(String studentNumber, String name, java.time.LocalDate birthDate) {}

    /** The enrolled students of one of the school's classes, by number. */
    @Transactional(readOnly = true)
    public List<ClassStudent> students(long schoolId, long classId) {
        return jdbc.sql("SELECT student_number, name, birth_date FROM student WHERE school_id = :s AND class_id = :c"
                        + " AND status = 'ENROLLED' ORDER BY student_number")
                .param("s", schoolId)
                .param("c", classId)
                .query(ClassStudent.class)
                .list();
    }

    @Transactional(readOnly = true)
    public List<CooperationRef> cooperations(long schoolId) {
        return registry.cooperations(schoolId);
    }

    /**
     * Places the listed students; {@code files} are the uploads by part name. Returns the placements
     * made; throws {@link InvalidFieldsException} with fields {@code students[<number>].<field>} when
     * any student is refused, and nothing is kept but the refusals' audit entries.
     */
    @Transactional
    public List<PlacementView> create(ClassPlacementForm form, Map<String, MultipartFile> files) {
        if (!access.isSchoolSide()) {
            throw new org.springframework.security.access.AccessDeniedException("placements are made by the school");
        }
        long schoolId = access.schoolFor(form.schoolCode());
        CooperationRef cooperation = registry.cooperation(schoolId, form.cooperationId())
                .orElseThrow(() -> new InvalidFieldException("cooperationId", "internship.batch.cooperationUnknown"));
        if (form.startsOn().isBefore(cooperation.startsOn())
                || (cooperation.endsOn() != null && form.endsOn().isAfter(cooperation.endsOn()))) {
            throw new InvalidFieldException("cooperationId", "internship.batch.cooperationPeriod");
        }
        List<StudentRow> rows =
                form.students().stream().filter(StudentRow::included).toList();
        checkRows(schoolId, form.classId(), rows, files);
        List<InvalidFieldException> refused = new ArrayList<>();
        List<PlacementView> made = new ArrayList<>();
        for (StudentRow row : rows) {
            String number = row.studentNumber().strip();
            try {
                made.add(placements.create(
                        form.placement(row, cooperation.enterpriseId()),
                        files.get("agreement." + number),
                        files.get("consent." + number)));
            } catch (InvalidFieldsException e) {
                e.problems().forEach(p -> refused.add(of(number, p)));
            } catch (InvalidFieldException e) {
                refused.add(of(number, e));
            }
        }
        if (!refused.isEmpty()) {
            throw new InvalidFieldsException(refused);
        }
        return made;
    }

    /** The rows name distinct students of the class, each with a policy; the files are bounded and named by them. */
    private void checkRows(long schoolId, long classId, List<StudentRow> rows, Map<String, MultipartFile> files) {
        Set<String> inClass = new HashSet<>(students(schoolId, classId).stream()
                .map(ClassStudent::studentNumber)
                .toList());
        if (rows.isEmpty() || rows.size() > inClass.size()) {
            throw new InvalidFieldException("students", "internship.batch.size");
        }
        List<InvalidFieldException> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (StudentRow row : rows) {
            String number = row.studentNumber().strip();
            if (!inClass.contains(number)) {
                problems.add(field(number, "studentNumber", "internship.batch.notInClass"));
            } else if (!seen.add(number)) {
                problems.add(field(number, "studentNumber", "internship.batch.twice"));
            }
            if (row.policyNumber() == null || row.policyNumber().isBlank()) {
                problems.add(field(number, "policyNumber", "internship.batch.policyRequired"));
            }
        }
        files.forEach((name, file) -> {
            if (file.isEmpty()) {
                return; // a page sends an empty part for each file input left empty
            }
            int dot = name.indexOf('.');
            String number = dot < 0 ? "" : name.substring(dot + 1);
            String which = dot < 0 ? name : name.substring(0, dot);
            if (!seen.contains(number) || !Set.of("agreement", "consent").contains(which)) {
                if (problems.stream().noneMatch(p -> p.field().equals("files"))) {
                    problems.add(new InvalidFieldException("files", "internship.batch.fileUnknown"));
                }
            } else if (file.getSize() > StoredFiles.MAX_BYTES) {
                problems.add(field(number, which, "internship." + which + ".size"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }

    private static InvalidFieldException of(String number, InvalidFieldException e) {
        return field(number, e.field(), e.messageKey());
    }

    private static InvalidFieldException field(String number, String field, String key) {
        return new InvalidFieldException("students[" + number + "]." + field, key);
    }
}
