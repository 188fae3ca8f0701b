package org.craftline.talent.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.craftline.platform.ImportKind.ImportCounts;
import org.craftline.platform.ImportKind.ImportRun;
import org.craftline.platform.ImportKind.RowErrors;
import org.craftline.platform.ImportKind.StagedRow;
import org.craftline.shared.ResidentIds;
import org.craftline.shared.Text;

/** One run of the certificates import: checks each row against the school's people and numbers. */
final class CertificateRows implements ImportRun {

    private final CertificatesImport kind;
    private final String key;
    private final long schoolId;
    private final Map<String, Long> students;
    private final Map<String, Long> staff;
    private final Map<String, Long> trainees;
    private final Map<String, String> holderOfNumber;
    private final Map<String, Set<String>> elsewhere = new HashMap<>();

    CertificateRows(
            CertificatesImport kind,
            String key,
            long schoolId,
            Map<String, Long> students,
            Map<String, Long> staff,
            Map<String, Long> trainees,
            Map<String, String> holderOfNumber) {
        this.kind = kind;
        this.key = key;
        this.schoolId = schoolId;
        this.students = students;
        this.staff = staff;
        this.trainees = trainees;
        this.holderOfNumber = holderOfNumber;
    }

    /** Collects a row's problems; the row is staged only when there are none. */
    private static final class Problems {
        private final RowErrors errors;
        private boolean any;

        Problems(RowErrors errors) {
            this.errors = errors;
        }

        void add(String column, String value, String messageKey) {
            errors.add(column, value, messageKey);
            any = true;
        }
    }

    @Override
    public StagedRow validate(Map<String, String> v, RowErrors errors) {
        Problems p = new Problems(errors);
        Long[] holderIds = holder(v, p);
        Long studentId = holderIds[0];
        Long staffId = holderIds[1];
        Long traineeId = holderIds[2];
        var certKind = CertificatesImport.kind(v.get("kind"));
        if (certKind.isEmpty()) {
            p.add("kind", v.get("kind"), "certificate.kind.invalid");
        }
        var grade = certKind.flatMap(k -> Grade.parse(k, v.get("grade")));
        if (certKind.isPresent() && grade.isEmpty()) {
            p.add("grade", v.get("grade"), "certificate.grade.kind");
        }
        String name = text(v, "name", 100, p);
        String body = text(v, "issuingBody", 100, p);
        String number = text(v, "certNumber", 50, p);
        if (number.isEmpty() && certKind.isPresent() && certKind.get().numberRequired()) {
            p.add("certNumber", "", "certificate.number.required");
        }
        Integer year = year(v, p);
        var status = CertificatesImport.status(v.get("status"));
        if (status.isEmpty()) {
            p.add("status", v.get("status"), "certificate.status.invalid");
        }
        String holder = studentId != null
                ? "S" + studentId
                : staffId != null ? "T" + staffId : traineeId != null ? "R" + traineeId : null;
        if (!number.isEmpty() && !body.isEmpty() && holder != null && taken(body, number, holder)) {
            p.add("certNumber", number, "certificate.number.taken");
        }
        if (p.any) {
            return null;
        }
        String dateText = v.getOrDefault("issuedOn", "");
        LocalDate on = dateText.isBlank() ? null : CertificatesImport.date(dateText);
        String rowKey = number.isEmpty()
                ? "H|" + holder + "|" + certKind.get() + "|" + grade.get() + "|" + name + "|" + body
                : "N|" + body + "|" + number;
        return new StagedRow(rowKey, new Object[] {
            schoolId,
            studentId,
            staffId,
            traineeId,
            certKind.get().name(),
            grade.get().name(),
            grade.get().rank(),
            name,
            body,
            number.isEmpty() ? null : number,
            year,
            on,
            status.get().name()
        });
    }

    /** The holder's ids (student, staff, trainee): exactly one of the three columns names a person of the school. */
    private Long[] holder(Map<String, String> v, Problems p) {
        String studentNumber = v.getOrDefault("studentNumber", "");
        String staffNumber = v.getOrDefault("staffNumber", "");
        String traineeId = ResidentIds.normalise(v.getOrDefault("traineeIdNumber", ""));
        Long[] ids = new Long[3];
        int given = (studentNumber.isBlank() ? 0 : 1) + (staffNumber.isBlank() ? 0 : 1) + (traineeId.isEmpty() ? 0 : 1);
        if (given != 1) {
            p.add("studentNumber", studentNumber, "certificate.holder.oneOfThree");
        } else if (!studentNumber.isBlank()) {
            ids[0] = known(students, studentNumber, "studentNumber", studentNumber, p);
        } else if (!staffNumber.isBlank()) {
            ids[1] = known(staff, staffNumber, "staffNumber", staffNumber, p);
        } else {
            ids[2] = known(trainees, traineeId, "traineeIdNumber", ResidentIds.mask(traineeId), p);
        }
        return ids;
    }

    private static Long known(Map<String, Long> people, String key, String column, String shown, Problems p) {
        Long id = people.get(key);
        if (id == null) {
            p.add(column, shown, "certificate.holder.unknown");
        }
        return id;
    }

    /** Recorded for another person of this school, or by another school at all. */
    private boolean taken(String body, String number, String holder) {
        String recorded = holderOfNumber.get(body + '\u0000' + number);
        if (recorded != null) {
            return !recorded.equals(holder);
        }
        return elsewhere
                .computeIfAbsent(body, b -> kind.numbersElsewhere(schoolId, b))
                .contains(number);
    }

    private static String text(Map<String, String> v, String column, int max, Problems p) {
        String value = v.getOrDefault(column, "");
        if (Text.longerThan(value, max)) {
            p.add(column, value, "certificate.value.tooLong");
        }
        return value;
    }

    private static Integer year(Map<String, String> v, Problems p) {
        String yearText = v.getOrDefault("issuedYear", "");
        String dateText = v.getOrDefault("issuedOn", "");
        Integer year = null;
        if (!yearText.isBlank()) {
            try {
                year = Integer.valueOf(yearText.trim());
            } catch (NumberFormatException e) {
                year = -1;
            }
            if (year < 1950 || year > 2100) {
                p.add("issuedYear", yearText, "certificate.year.invalid");
                return null;
            }
        }
        if (!dateText.isBlank()) {
            LocalDate on = CertificatesImport.date(dateText);
            if (on == null) {
                p.add("issuedOn", dateText, "certificate.date.invalid");
                return null;
            }
            if (year != null && year != on.getYear()) {
                p.add("issuedYear", yearText, "certificate.year.mismatch");
                return null;
            }
            return on.getYear();
        }
        if (year == null) {
            p.add("issuedYear", "", "certificate.year.required");
        }
        return year;
    }

    @Override
    public String stagingTable() {
        return "certificate_import";
    }

    @Override
    public List<String> stagingColumns() {
        return List.of(
                "import_key",
                "school_id",
                "student_id",
                "staff_id",
                "trainee_id",
                "kind",
                "grade",
                "grade_rank",
                "name",
                "issuing_body",
                "cert_number",
                "issued_year",
                "issued_on",
                "status");
    }

    @Override
    public ImportCounts merge(boolean apply) {
        return kind.merge(key, schoolId, apply);
    }
}
