package org.craftline.students.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 学籍号, the national student number: letters and digits, given by the national registry when the
 * new student is registered. A student with a resident ID gets "G" and the ID number, so a number
 * starting with G must be exactly that (a typo of either shows).
 */
final class NationalNumbers {

    static final Pattern FORM = Pattern.compile("[A-Z0-9]{10,30}");

    private NationalNumbers() {}

    /** The number in upper case, or null when none is given; refused numbers go to {@code errors}. */
    static String check(String raw, String idNumber, StudentRules.Errors errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String number = raw.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!FORM.matcher(number).matches()) {
            errors.add("nationalNumber", raw, "student.nationalNumber.pattern");
            return null;
        }
        if (number.startsWith("G") && idNumber != null && !number.equals("G" + idNumber)) {
            errors.add("nationalNumber", raw, "student.nationalNumber.notTheId");
            return null;
        }
        return number;
    }
}
