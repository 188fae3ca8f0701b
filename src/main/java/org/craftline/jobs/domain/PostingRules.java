package org.craftline.jobs.domain;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules a posting obeys, one path for the form, the API and the import: the form's constraints,
 * a pay range that runs forward, a deadline from today to two years on, majors that the catalogue
 * knows. Each broken rule is a problem naming its field; the form stops at the first, the import
 * reports each in its row.
 */
@Component
class PostingRules {

    /**
     * A broken rule: the form's field and the message key; {@code constraint} when it is one of the
     * form's own constraints (the pages and the API report those when the form binds).
     */
    record Problem(String field, String messageKey, boolean constraint) {}

    /** The majors' ids (distinct, in order) and every broken rule. */
    record Checked(List<Long> majors, List<Problem> problems) {}

    private final JdbcClient jdbc;
    private final Validator validator;
    private final Clock clock;

    PostingRules(JdbcClient jdbc, Validator validator, Clock clock) {
        this.jdbc = jdbc;
        this.validator = validator;
        this.clock = clock;
    }

    /** Checks a posting, looking its majors up one by one in the catalogue. */
    Checked check(PostingForm form) {
        return check(form, this::majorByCode);
    }

    /** Checks a posting with a given lookup of majors by code (the import loads the catalogue once). */
    Checked check(PostingForm form, Function<String, Long> majorByCode) {
        List<Problem> problems = new ArrayList<>();
        validator.validate(form).forEach(v -> {
            String field = field(v.getPropertyPath().toString());
            problems.add(new Problem(field, "posting." + field + ".invalid", true));
        });
        if (form.payFrom() != null && form.payTo() != null && form.payTo().compareTo(form.payFrom()) < 0) {
            problems.add(new Problem("payTo", "posting.pay.range.backwards", false));
        }
        LocalDate today = LocalDate.now(clock);
        if (form.deadline() != null
                && (form.deadline().isBefore(today) || form.deadline().isAfter(today.plusYears(2)))) {
            problems.add(new Problem("deadline", "posting.deadline.range", false));
        }
        List<Long> ids = new ArrayList<>();
        for (String code : form.majorCodes() == null ? List.<String>of() : form.majorCodes()) {
            Long id = code == null ? null : majorByCode.apply(code.strip());
            if (id == null) {
                problems.add(new Problem("majorCodes", "posting.major.unknown", false));
            } else if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return new Checked(ids, problems);
    }

    private Long majorByCode(String code) {
        return jdbc.sql("SELECT id FROM major WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** {@code majorCodes[0].<list element>} is the field {@code majorCodes}. */
    private static String field(String path) {
        int cut = path.indexOf('[');
        return cut < 0 ? path : path.substring(0, cut);
    }
}
