package org.craftline.students.domain;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * A student as a form or an API body gives it; every value is checked by the same rules as an
 * imported row. A masked ID number or phone (with *) on an edit keeps the stored value; no 全日制
 * answer (an API body without {@code fullTime}) keeps the stored one, or is full-time for a new student.
 */
public record StudentForm(
        @Size(max = 10) String schoolCode,
        @Size(max = 30) String studentNumber,
        @Size(max = 50) String name,
        @Size(max = 30) String idNumber,
        @Size(max = 10) String gender,
        @Size(max = 20) String birthDate,
        @Size(max = 10) String household,
        @Size(max = 20) String phone,
        @Size(max = 10) String majorCode,
        @Size(max = 100) String className,
        @Size(max = 10) String entryYear,
        @Size(max = 30) String nationalNumber,
        Boolean fullTime,
        @Size(max = 20) String enrolledOn,
        Integer version) {

    public static StudentForm empty() {
        return new StudentForm("", "", "", "", "", "", "RURAL", "", "", "", "", "", true, "", null);
    }

    /**
     * The day a new student enrolled: given (in its entry year: a spring intake enrols in March), or
     * 1 September of the entry year. Only a new record reads it; later, enrolment is history.
     */
    LocalDate enrolmentDay(int entryYear) {
        if (enrolledOn == null || enrolledOn.isBlank()) {
            return LocalDate.of(entryYear, 9, 1);
        }
        try {
            LocalDate day = LocalDate.parse(enrolledOn.strip());
            if (day.getYear() == entryYear) {
                return day;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // refused below, as a day outside the entry year
        }
        throw new org.craftline.shared.InvalidFieldException("enrolledOn", "student.enrolledOn.invalid");
    }

    Map<String, String> values() {
        Map<String, String> v = new HashMap<>();
        put(v, "studentNumber", studentNumber);
        put(v, "name", name);
        put(v, "idNumber", idNumber);
        put(v, "gender", gender);
        put(v, "birthDate", birthDate);
        put(v, "household", household);
        put(v, "phone", phone);
        put(v, "majorCode", majorCode);
        put(v, "className", className);
        put(v, "entryYear", entryYear);
        put(v, "nationalNumber", nationalNumber);
        put(v, "fullTime", fullTime == null ? "" : fullTime.toString());
        return v;
    }

    private static void put(Map<String, String> v, String key, String value) {
        String text = org.craftline.shared.Text.normalise(value);
        v.put(key, text == null ? "" : text);
    }
}
