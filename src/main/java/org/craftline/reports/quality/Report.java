package org.craftline.reports.quality;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.craftline.reports.support.Figures;
import org.craftline.reports.support.SchoolFacts;

/**
 * The annual quality report of one school and year, in no language yet: numbered sections of
 * figures and tables whose labels are message keys and whose values are raw numbers, so the page,
 * the PDF and the workbook state the same figures and each formats them its own way.
 */
record Report(
        SchoolFacts.School school, int year, String point, String term, OffsetDateTime asOf, List<Section> sections) {

    record Section(int number, String title, List<Figure> figures, List<Table> tables, List<String> notes) {

        String anchor() {
            return "s" + number;
        }
    }

    record Figure(String label, Value value) {}

    record Table(String caption, List<String> headers, List<List<Value>> rows) {}

    enum Kind {
        COUNT,
        RATE,
        YUAN,
        AREA,
        YEAR,
        /** Text of the records (a name, a title), with an English form where the records hold one. */
        TEXT,
        /** A message key, e.g. {@code cooperation.type.ORDER_CLASS}. */
        KEY,
        /** Undefined (a rate without a denominator): shown as such, never as 0. */
        NONE;

        boolean numeric() {
            return this == COUNT || this == RATE || this == YUAN || this == AREA || this == YEAR;
        }
    }

    record Value(Kind kind, Object raw, String english) {

        static final Value NONE = new Value(Kind.NONE, null, null);

        static Value count(Number n) {
            return n == null ? NONE : new Value(Kind.COUNT, n.longValue(), null);
        }

        static Value rate(Number n) {
            return n == null ? NONE : new Value(Kind.RATE, Figures.decimal(n), null);
        }

        static Value yuan(Number n) {
            return n == null ? NONE : new Value(Kind.YUAN, Figures.decimal(n), null);
        }

        static Value area(Number n) {
            return n == null ? NONE : new Value(Kind.AREA, Figures.decimal(n), null);
        }

        static Value year(Integer year) {
            return year == null ? NONE : new Value(Kind.YEAR, year, null);
        }

        static Value text(String text) {
            return text(text, null);
        }

        static Value text(String text, String english) {
            return text == null || text.isBlank() ? NONE : new Value(Kind.TEXT, text, english);
        }

        static Value key(String key) {
            return new Value(Kind.KEY, key, null);
        }

        BigDecimal number() {
            return Figures.decimal((Number) raw);
        }
    }

    /** Part / whole rounded to four places, as the indicators round their rates; null without a whole. */
    static BigDecimal share(long part, long whole) {
        return Figures.rate(part, whole);
    }
}
