package org.craftline.reports.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.craftline.indicators.IndicatorScope;
import org.craftline.reports.support.Languages;
import org.springframework.stereotype.Component;

/** The dashboard's tables of the jobs tables: postings and places by unit and by town, demand against supply. */
@Component
class JobsTables {

    /** Units and towns shown one by one; the rest are summed as one row. */
    static final int SHOWN = 10;

    private final JobsSeries series;

    JobsTables(JobsSeries series) {
        this.series = series;
    }

    List<Dashboard.Table> all(IndicatorScope scope, DashboardTables labels, Locale locale) {
        return List.of(
                offered("postingUnits", "dashboard.col.unit", series.byUnit(scope), labels, locale),
                offered("postingTowns", "dashboard.col.town", series.byTown(scope), labels, locale),
                demand(scope, labels, locale));
    }

    private Dashboard.Table offered(
            String key, String column, List<JobsSeries.Offered> all, DashboardTables labels, Locale locale) {
        List<Dashboard.Row> rows = new ArrayList<>();
        long postings = 0;
        long places = 0;
        for (int i = 0; i < all.size(); i++) {
            JobsSeries.Offered o = all.get(i);
            if (i < SHOWN) {
                String label = o.label().isEmpty() ? labels.text("dashboard.townUnknown", locale) : o.label();
                rows.add(new Dashboard.Row(label, List.of(o.postings(), o.places())));
            } else {
                postings += o.postings();
                places += o.places();
            }
        }
        if (all.size() > SHOWN) {
            rows.add(new Dashboard.Row(labels.text("dashboard.others", locale), List.of(postings, places)));
        }
        return labels.table(
                key, "bar", List.of(column, "dashboard.col.postings", "dashboard.col.places"), rows, locale);
    }

    private Dashboard.Table demand(IndicatorScope scope, DashboardTables labels, Locale locale) {
        boolean english = Languages.english(locale);
        List<Dashboard.Row> rows = series.demandAndSupply(scope).stream()
                .map(m -> new Dashboard.Row(
                        english && m.nameEn() != null ? m.nameEn() : m.name(), List.of(m.wanted(), m.graduates())))
                .toList();
        return labels.table(
                "demand",
                "bar",
                List.of("field.major", "dashboard.col.placesWanted", "dashboard.col.graduates"),
                rows,
                locale);
    }
}
