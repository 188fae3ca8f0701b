package org.craftline.students.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.craftline.organisation.OrganisationApi.ClassRef;
import org.craftline.shared.Gender;
import org.craftline.shared.Phones;
import org.craftline.shared.ResidentIds;
import org.craftline.shared.Text;
import org.craftline.shared.YesNo;

/**
 * The rules of a student record, the same for the form, the API and every imported row: values by
 * field name in, a {@link ValidStudent} out, or null after naming each problem.
 */
final class StudentRules {

    static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9-]{1,30}");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"),
            DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyyMMdd"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"));

    private StudentRules() {}

    interface Errors {
        void add(String field, String value, String messageKey);
    }

    /** What a school's rows are checked against: the majors it offers, its classes by name. */
    record Refs(long schoolId, Map<String, Long> majors, Map<String, ClassRef> classes) {}

    static ValidStudent check(Map<String, String> v, Refs refs, Errors errors) {
        Counting counting = new Counting(errors);
        String number = required(v, "studentNumber", counting);
        if (number != null && !NUMBER.matcher(number).matches()) {
            counting.add("studentNumber", number, "student.number.pattern");
        }
        String name = required(v, "name", counting);
        if (name != null && Text.longerThan(name, 50)) {
            counting.add("name", name, "student.name.length");
        }
        String id = idNumber(v, counting);
        Gender gender = gender(v, id, counting);
        LocalDate birth = birthDate(v, id, counting);
        Household household = parse(v, "household", Household::parse, counting, true);
        String phone = phone(v, counting);
        Long majorId = major(v, refs, counting);
        Long classId = schoolClass(v, refs, counting);
        Integer year = entryYear(v, counting);
        StudentStatus status = parse(v, "status", StudentStatus::parse, counting, false);
        String nationalNumber = NationalNumbers.check(v.getOrDefault("nationalNumber", ""), id, counting);
        Boolean fullTime = fullTime(v, counting);
        LocalDate enrolledOn = enrolledOn(v, year, counting);
        if (counting.problems > 0) {
            return null;
        }
        return new ValidStudent(
                refs.schoolId(),
                number,
                name,
                id,
                gender,
                birth,
                household,
                phone,
                majorId,
                classId,
                year,
                status == null ? StudentStatus.ENROLLED : status,
                nationalNumber,
                fullTime,
                enrolledOn);
    }

    /** 入学日期, a day of the entry year (a spring intake enrols in March); blank is not given. */
    private static LocalDate enrolledOn(Map<String, String> v, Integer entryYear, Counting errors) {
        String text = v.getOrDefault("enrolledOn", "");
        if (text.isBlank()) {
            return null;
        }
        LocalDate day = date(text.strip());
        if (day == null || (entryYear != null && day.getYear() != entryYear)) {
            errors.add("enrolledOn", text, "student.enrolledOn.invalid");
            return null;
        }
        return day;
    }

    /** 全日制 as 是/否 (or yes/no, true/false); blank is not given. */
    private static Boolean fullTime(Map<String, String> v, Counting errors) {
        String text = v.getOrDefault("fullTime", "");
        if (!YesNo.readable(text)) {
            errors.add("fullTime", text, "student.fullTime.invalid");
            return null;
        }
        return YesNo.value(text);
    }

    private static String required(Map<String, String> v, String field, Counting errors) {
        String value = v.getOrDefault(field, "");
        if (value.isBlank()) {
            errors.add(field, value, "import.row.required");
            return null;
        }
        return value;
    }

    private static String idNumber(Map<String, String> v, Counting errors) {
        String raw = v.getOrDefault("idNumber", "");
        if (raw.isBlank()) {
            errors.add("idNumber", raw, "import.row.required");
            return null;
        }
        String id = ResidentIds.normalise(raw);
        Optional<String> problem = ResidentIds.problem(id);
        problem.ifPresent(key -> errors.add("idNumber", raw, key));
        return problem.isPresent() ? null : id;
    }

    private static Gender gender(Map<String, String> v, String id, Counting errors) {
        String given = v.getOrDefault("gender", "");
        Gender derived = id == null ? null : ResidentIds.gender(id);
        if (given.isBlank()) {
            return derived;
        }
        Gender parsed = switch (given.toLowerCase()) {
            case "男", "男性", "m", "male" -> Gender.MALE;
            case "女", "女性", "f", "female" -> Gender.FEMALE;
            default -> null;
        };
        if (parsed == null) {
            errors.add("gender", given, "student.gender.invalid");
        } else if (derived != null && parsed != derived) {
            errors.add("gender", given, "student.gender.conflict");
        }
        return derived;
    }

    private static LocalDate birthDate(Map<String, String> v, String id, Counting errors) {
        String given = v.getOrDefault("birthDate", "");
        LocalDate derived = id == null ? null : ResidentIds.birthDate(id);
        if (given.isBlank()) {
            return derived;
        }
        LocalDate parsed = date(given);
        if (parsed == null) {
            errors.add("birthDate", given, "student.birthDate.invalid");
        } else if (derived != null && !parsed.equals(derived)) {
            errors.add("birthDate", given, "student.birthDate.conflict");
        }
        return derived;
    }

    static LocalDate date(String text) {
        String t = text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text;
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException e) {
                // try the next spelling
            }
        }
        return null;
    }

    private static String phone(Map<String, String> v, Counting errors) {
        String raw = v.getOrDefault("phone", "");
        if (raw.isBlank()) {
            return null;
        }
        String phone = Phones.normalise(raw);
        Optional<String> problem = Phones.problem(phone);
        problem.ifPresent(key -> errors.add("phone", raw, key));
        return problem.isPresent() ? null : phone;
    }

    private static Long major(Map<String, String> v, Refs refs, Counting errors) {
        String code = required(v, "majorCode", errors);
        if (code == null) {
            return null;
        }
        Long id = refs.majors().get(code);
        if (id == null) {
            errors.add("majorCode", code, "student.major.unknown");
        }
        return id;
    }

    private static Long schoolClass(Map<String, String> v, Refs refs, Counting errors) {
        String name = v.getOrDefault("className", "");
        if (name.isBlank()) {
            return null;
        }
        ClassRef c = refs.classes().get(name);
        if (c == null) {
            errors.add("className", name, "student.class.unknown");
            return null;
        }
        if (!c.majorCode().equals(v.getOrDefault("majorCode", ""))) {
            errors.add("className", name, "student.class.major");
        }
        return c.id();
    }

    private static Integer entryYear(Map<String, String> v, Counting errors) {
        String text = required(v, "entryYear", errors);
        if (text == null) {
            return null;
        }
        try {
            int year = Integer.parseInt(text);
            if (year >= 1990 && year <= LocalDate.now().getYear() + 1) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add("entryYear", text, "student.entryYear.invalid");
        return null;
    }

    private static <T> T parse(
            Map<String, String> v,
            String field,
            java.util.function.Function<String, Optional<T>> parser,
            Counting errors,
            boolean required) {
        String text = v.getOrDefault(field, "");
        if (text.isBlank()) {
            if (required) {
                errors.add(field, text, "import.row.required");
            }
            return null;
        }
        Optional<T> value = parser.apply(text);
        if (value.isEmpty()) {
            errors.add(field, text, "student." + field + ".invalid");
        }
        return value.orElse(null);
    }

    /** Counts the problems of one check so the caller's own error sink needs no counter. */
    private static final class Counting implements Errors {
        private final Errors target;
        private int problems;

        Counting(Errors target) {
            this.target = target;
        }

        @Override
        public void add(String field, String value, String messageKey) {
            problems++;
            target.add(field, value, messageKey);
        }
    }
}
