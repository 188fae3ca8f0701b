package org.craftline.reports.dashboard;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.craftline.indicators.IndicatorScope;
import org.craftline.indicators.Indicators;
import org.craftline.reports.support.Figures;
import org.craftline.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dashboard: the headline indicators of a school, a group, a region (or the user's whole scope) and
 * the tables its charts draw, with labels in the asked language. Each table is what its chart shows.
 */
@Service
class Dashboard {

    static final List<String> HEADLINES = List.of(
            "graduates_total",
            "employment_rate",
            "matched_employment_rate",
            "local_employment_share",
            "enterprises_employing_graduates",
            "certificate_rate",
            "masters_national",
            "masters_provincial_municipal",
            "senior_craftsmen",
            "practical_training_rate",
            "funds_awarded",
            "trainees_trained",
            "internship_rate",
            "internship_insured_rate",
            "internships_at_risk",
            "places_offered",
            "school_hire_share");

    private final Indicators indicators;
    private final DashboardTables tables;
    private final Subjects subjects;

    Dashboard(Indicators indicators, DashboardTables tables, Subjects subjects) {
        this.indicators = indicators;
        this.tables = tables;
        this.subjects = subjects;
    }

    /** A headline figure with its label and its text as the page shows it ("" when undefined). */
    record Figure(String name, String label, Number value, boolean rate, String text) {

        Figure(String name, String label, Number value) {
            this(name, label, value, Figures.RATES.contains(name), Figures.format(name, value));
        }
    }

    /** A table and its chart: the first column labels the rows, each further column is a series. */
    record Table(String key, String title, String chart, List<String> headers, List<Row> rows) {}

    /** A row: its label, its values, and the values as the table shows them ("" where undefined). */
    record Row(String label, List<Number> values, List<String> cells) {

        Row(String label, List<Number> values) {
            this(
                    label,
                    values,
                    values.stream().map(v -> v == null ? "" : Figures.number(v)).toList());
        }
    }

    record View(
            Subjects.Subject subject, int year, String point, String term, List<Figure> figures, List<Table> tables) {

        Table table(String key) {
            return tables.stream()
                    .filter(t -> t.key().equals(key))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("chart", key));
        }
    }

    /** What a dashboard of the request is of, once the user may read it (404 otherwise). */
    @Transactional(readOnly = true)
    Subjects.Subject subject(Indicators.Request request, Locale locale) {
        return subjects.of(request, scope(request), locale);
    }

    @Transactional(readOnly = true)
    View of(Indicators.Request request, Locale locale) {
        IndicatorScope scope = scope(request);
        Map<String, Number> values = indicators.values(scope);
        List<Figure> figures = HEADLINES.stream()
                .map(n -> new Figure(n, tables.text("indicator." + n, locale), values.get(n)))
                .toList();
        return new View(
                subjects.of(request, scope, locale),
                scope.year(),
                scope.point(),
                scope.term(),
                figures,
                tables.all(scope, values, locale));
    }

    /** The request's schools; a user who may read none of them (an enterprise, a student) gets 404. */
    private IndicatorScope scope(Indicators.Request request) {
        IndicatorScope scope = indicators.resolve(request);
        if (scope.schoolIds().isEmpty()) {
            throw new NotFoundException("dashboard", String.valueOf(request));
        }
        return scope;
    }
}
