package org.craftline.reports.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.craftline.indicators.IndicatorScope;
import org.craftline.indicators.Indicators;
import org.craftline.reports.Figures;
import org.craftline.reports.SchoolFacts;
import org.springframework.context.MessageSource;
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
            "trainees_trained");

    private final Indicators indicators;
    private final DashboardSeries series;
    private final SchoolFacts facts;
    private final Subjects subjects;
    private final MessageSource messages;

    Dashboard(
            Indicators indicators,
            DashboardSeries series,
            SchoolFacts facts,
            Subjects subjects,
            MessageSource messages) {
        this.indicators = indicators;
        this.series = series;
        this.facts = facts;
        this.subjects = subjects;
        this.messages = messages;
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
                    .orElseThrow(() -> new org.craftline.shared.NotFoundException("chart", key));
        }
    }

    /** What a dashboard of the request is of, once the user may read it (404 otherwise). */
    @Transactional(readOnly = true)
    Subjects.Subject subject(Indicators.Request request, Locale locale) {
        indicators.resolve(request);
        return subjects.of(request, locale);
    }

    @Transactional(readOnly = true)
    View of(Indicators.Request request, Locale locale) {
        Indicators.Answer answer = indicators.compute(request);
        IndicatorScope scope = indicators.resolve(request);
        Subjects.Subject subject = subjects.of(request, locale);
        List<Figure> figures = HEADLINES.stream()
                .map(n -> new Figure(
                        n, text("indicator." + n, locale), answer.indicators().get(n)))
                .toList();
        List<Table> tables = List.of(
                graduates(scope, locale),
                employment(scope, locale),
                industries(scope, locale),
                towns(scope, locale),
                masters(answer.indicators(), locale),
                practical(scope, locale),
                funds(scope, locale),
                social(scope, locale));
        return new View(subject, scope.year(), scope.point(), scope.term(), figures, tables);
    }

    private Table graduates(IndicatorScope scope, Locale locale) {
        List<Row> rows = series.graduatesPerYear(scope).stream()
                .map(y -> new Row(String.valueOf(y.cohort()), List.of(y.graduates())))
                .toList();
        return table("graduates", "bar", List.of("dashboard.col.year", "dashboard.col.graduates"), rows, locale);
    }

    private Table employment(IndicatorScope scope, Locale locale) {
        List<Row> rows = series.cohorts(scope).stream()
                .map(c -> new Row(
                        String.valueOf(c.cohort()),
                        nullable(
                                DashboardSeries.percent(c.placed(), c.graduates()),
                                DashboardSeries.percent(c.matched(), c.employed()))))
                .toList();
        return table(
                "employment",
                "line",
                List.of("dashboard.col.cohort", "indicator.employment_rate", "indicator.matched_employment_rate"),
                rows,
                locale);
    }

    private Table industries(IndicatorScope scope, Locale locale) {
        List<Row> rows = series.byIndustry(scope).stream()
                .map(c -> new Row(
                        c.label().isEmpty()
                                ? text("dashboard.unregistered", locale)
                                : text("industry." + c.label(), locale),
                        List.of(c.employed())))
                .toList();
        return table("industry", "pie", List.of("enterprise.industry", "dashboard.col.employed"), rows, locale);
    }

    /** The ten towns employing most graduates, the rest summed as one row. */
    private Table towns(IndicatorScope scope, Locale locale) {
        List<DashboardSeries.LabelCount> all = series.byTown(scope);
        List<Row> rows = new ArrayList<>();
        long others = 0;
        for (int i = 0; i < all.size(); i++) {
            DashboardSeries.LabelCount c = all.get(i);
            if (i < 10) {
                rows.add(new Row(
                        c.label().isEmpty() ? text("dashboard.townUnknown", locale) : c.label(),
                        List.of(c.employed())));
            } else {
                others += c.employed();
            }
        }
        if (others > 0) {
            rows.add(new Row(text("dashboard.otherTowns", locale), List.of(others)));
        }
        return table("town", "bar", List.of("dashboard.col.town", "dashboard.col.employed"), rows, locale);
    }

    private Table masters(Map<String, Number> values, Locale locale) {
        List<Row> rows = List.of("masters_national", "masters_provincial_municipal", "senior_craftsmen").stream()
                .map(n -> new Row(text("indicator." + n, locale), List.of(values.get(n))))
                .toList();
        return table("masters", "bar", List.of("dashboard.col.level", "dashboard.col.graduates"), rows, locale);
    }

    private Table practical(IndicatorScope scope, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        List<Row> rows = series.practicalByMajor(scope).stream()
                .map(m -> new Row(
                        english && m.nameEn() != null ? m.nameEn() : m.name(),
                        nullable(DashboardSeries.percent(m.held(), m.required()))))
                .toList();
        return table("practical", "bar", List.of("field.major", "dashboard.col.practicalRate"), rows, locale);
    }

    private Table funds(IndicatorScope scope, Locale locale) {
        List<Row> rows = facts.fundsByCategory(scope).stream()
                .map(f -> new Row(text("line.category." + f.category(), locale), List.of(f.planned(), f.spent())))
                .toList();
        return table(
                "funds",
                "bar",
                List.of("dashboard.col.category", "dashboard.col.planned", "dashboard.col.spent"),
                rows,
                locale);
    }

    private Table social(IndicatorScope scope, Locale locale) {
        List<Row> rows = series.socialPerYear(scope).stream()
                .map(y -> new Row(String.valueOf(y.endYear()), List.of(y.trainees(), y.completed(), y.employed())))
                .toList();
        return table(
                "social",
                "bar",
                List.of(
                        "dashboard.col.year",
                        "dashboard.col.trainees",
                        "dashboard.col.completed",
                        "dashboard.col.transferred"),
                rows,
                locale);
    }

    private Table table(String key, String chart, List<String> headerKeys, List<Row> rows, Locale locale) {
        List<String> headers = headerKeys.stream().map(k -> text(k, locale)).toList();
        return new Table(key, text("dashboard.chart." + key, locale), chart, headers, rows);
    }

    private static List<Number> nullable(BigDecimal... values) {
        List<Number> list = new ArrayList<>();
        for (BigDecimal v : values) {
            list.add(v);
        }
        return list;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
