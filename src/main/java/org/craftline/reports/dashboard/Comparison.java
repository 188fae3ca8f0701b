package org.craftline.reports.dashboard;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.craftline.indicators.IndicatorScope;
import org.craftline.indicators.Indicators;
import org.craftline.reports.support.Figures;
import org.craftline.reports.support.Languages;
import org.craftline.reports.support.SchoolFacts;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bureau's view: its schools side by side, one row of indicators each (the same year, point
 * and term for all), sorted by any column. Only schools the user may read are listed.
 */
@Service
class Comparison {

    static final List<String> COLUMNS = List.of(
            "graduates_total",
            "employment_rate",
            "matched_employment_rate",
            "certificate_rate",
            "practical_training_rate",
            "masters_national",
            "masters_provincial_municipal",
            "senior_craftsmen",
            "funds_awarded",
            "trainees_trained");

    private final Indicators indicators;
    private final SchoolFacts facts;

    Comparison(Indicators indicators, SchoolFacts facts) {
        this.indicators = indicators;
        this.facts = facts;
    }

    /** A school's row: its values, their text as shown, and what the chart plots (rates in percent). */
    record SchoolRow(
            String code,
            String name,
            Map<String, Number> values,
            Map<String, String> texts,
            Map<String, Number> plotted) {

        SchoolRow(String code, String name, Map<String, Number> values) {
            this(code, name, values, mapped(values, Figures::format), mapped(values, Figures::plotted));
        }

        private static <T> Map<String, T> mapped(Map<String, Number> values, BiFunction<String, Number, T> f) {
            Map<String, T> out = new LinkedHashMap<>();
            values.forEach((k, v) -> out.put(k, f.apply(k, v)));
            return out;
        }
    }

    record View(
            int year, String point, String term, String sort, String dir, List<String> columns, List<SchoolRow> rows) {}

    @Transactional(readOnly = true)
    View of(Indicators.Request request, String sort, String dir, Locale locale) {
        String column = sort == null || sort.isBlank() ? "name" : sort;
        if (!"name".equals(column) && !COLUMNS.contains(column)) {
            throw new InvalidFieldException("sort", "dashboard.sort.invalid");
        }
        boolean descending = "desc".equals(dir);
        IndicatorScope scope = indicators.resolve(request);
        if (scope.schoolIds().isEmpty()) {
            throw new NotFoundException("comparison", String.valueOf(request));
        }
        Map<Long, Map<String, Number>> values = indicators.eachSchool(COLUMNS, scope);
        boolean english = Languages.english(locale);
        List<SchoolRow> rows = facts.schoolOptions(values.keySet()).stream()
                .map(o -> new SchoolRow(o.code(), o.name(english), values.get(o.id())))
                .sorted(order(column, descending))
                .toList();
        return new View(scope.year(), scope.point(), scope.term(), column, descending ? "desc" : "asc", COLUMNS, rows);
    }

    /** By the column, undefined values last either way, then by school code so the order is stable. */
    private static Comparator<SchoolRow> order(String column, boolean descending) {
        Comparator<SchoolRow> byCode = Comparator.comparing(SchoolRow::code);
        if ("name".equals(column)) {
            Comparator<SchoolRow> byName = Comparator.comparing(SchoolRow::name);
            return (descending ? byName.reversed() : byName).thenComparing(byCode);
        }
        Comparator<BigDecimal> numbers = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing(
                        (SchoolRow r) -> r.values().get(column) == null
                                ? null
                                : Figures.decimal(r.values().get(column)),
                        Comparator.nullsLast(numbers))
                .thenComparing(byCode);
    }
}
