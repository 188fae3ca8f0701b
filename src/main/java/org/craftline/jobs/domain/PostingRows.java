package org.craftline.jobs.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.craftline.platform.ImportKind.RowErrors;
import org.craftline.shared.Labels;

/** Reads a row of the postings import into the form, naming each cell it cannot read. */
final class PostingRows {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-M-d");

    private PostingRows() {}

    /** The row as a form, or null when a cell cannot be read (each one named in the errors). */
    static PostingForm form(Long unit, Map<String, String> v, RowErrors errors) {
        var reader = new Reader(v, errors);
        var kind = Labels.parse(PostingKind.class, v.get("kind"), PostingsImport.KINDS);
        if (kind.isEmpty()) {
            reader.fail("kind", "posting.kind.invalid");
        }
        Integer rank = reader.integer("minSkillRank");
        Integer headcount = reader.integer("headcount");
        BigDecimal payFrom = reader.money("payFrom");
        BigDecimal payTo = reader.money("payTo");
        LocalDate startsOn = reader.date("startsOn", "import.date.invalid");
        LocalDate deadline = reader.date("deadline", "import.date.invalid");
        if (!reader.ok) {
            return null;
        }
        return new PostingForm(
                unit,
                kind.get(),
                v.getOrDefault("position", ""),
                majors(v.getOrDefault("majorCodes", "")),
                rank,
                headcount,
                payFrom,
                payTo,
                v.getOrDefault("town", ""),
                startsOn,
                deadline,
                v.getOrDefault("description", ""),
                null);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static List<String> majors(String text) {
        return Arrays.stream(text.split("[,，;；、\\s]+"))
                .filter(s -> !s.isBlank())
                .toList();
    }

    private static final class Reader {
        private final Map<String, String> v;
        private final RowErrors errors;
        private boolean ok = true;

        Reader(Map<String, String> v, RowErrors errors) {
            this.v = v;
            this.errors = errors;
        }

        void fail(String column, String messageKey) {
            errors.add(column, v.get(column), messageKey);
            ok = false;
        }

        Integer integer(String column) {
            String text = v.getOrDefault(column, "").trim();
            try {
                return text.isEmpty() ? null : Integer.valueOf(text);
            } catch (NumberFormatException e) {
                fail(column, "posting." + column + ".invalid");
                return null;
            }
        }

        BigDecimal money(String column) {
            String text = v.getOrDefault(column, "").trim().replace(",", "");
            try {
                return text.isEmpty() ? null : new BigDecimal(text);
            } catch (NumberFormatException e) {
                fail(column, "posting." + column + ".invalid");
                return null;
            }
        }

        LocalDate date(String column, String messageKey) {
            String text = v.getOrDefault(column, "").trim();
            try {
                return text.isEmpty() ? null : LocalDate.parse(text.replace('/', '-'), DAY);
            } catch (DateTimeParseException e) {
                fail(column, messageKey);
                return null;
            }
        }
    }
}
