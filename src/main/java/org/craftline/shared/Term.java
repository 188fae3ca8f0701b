package org.craftline.shared;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A term of an academic year, written {@code 2025-2026-1}: the academic year, then 1 for the autumn
 * term (September 1 to January 31) or 2 for the spring term (February 1 to August 31). Its text
 * sorts in time order.
 *
 * @param startYear the first year of the academic year (2025 for 2025-2026)
 * @param half 1 (autumn) or 2 (spring)
 */
public record Term(int startYear, int half) implements Comparable<Term> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{4})-([12])");

    public Term {
        if (half != 1 && half != 2 || startYear < 1000 || startYear > 9998) {
            throw new IllegalArgumentException("no such term: " + startYear + "/" + half);
        }
    }

    /** The term a day falls in. */
    public static Term of(LocalDate day) {
        int month = day.getMonthValue();
        if (month >= 9) {
            return new Term(day.getYear(), 1);
        }
        return month == 1 ? new Term(day.getYear() - 1, 1) : new Term(day.getYear() - 1, 2);
    }

    /** Reads {@code 2025-2026-1}; anything else is refused as an invalid {@code term} field. */
    public static Term parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new InvalidFieldException("term", "term.invalid");
        }
        int first = Integer.parseInt(m.group(1));
        if (Integer.parseInt(m.group(2)) != first + 1 || first < 1000 || first > 9998) {
            throw new InvalidFieldException("term", "term.invalid");
        }
        return new Term(first, Integer.parseInt(m.group(3)));
    }

    public Term previous() {
        return half == 2 ? new Term(startYear, 1) : new Term(startYear - 1, 2);
    }

    public Term next() {
        return half == 1 ? new Term(startYear, 2) : new Term(startYear + 1, 1);
    }

    /** The first day of the term. */
    public LocalDate start() {
        return half == 1 ? LocalDate.of(startYear, 9, 1) : LocalDate.of(startYear + 1, 2, 1);
    }

    /** The last day of the term. */
    public LocalDate end() {
        return half == 1 ? LocalDate.of(startYear + 1, 1, 31) : LocalDate.of(startYear + 1, 8, 31);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start()) && !day.isAfter(end());
    }

    @Override
    public int compareTo(Term other) {
        return startYear != other.startYear
                ? Integer.compare(startYear, other.startYear)
                : Integer.compare(half, other.half);
    }

    @Override
    public String toString() {
        return startYear + "-" + (startYear + 1) + "-" + half;
    }
}
