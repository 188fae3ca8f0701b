package org.craftline.reports.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.craftline.indicators.EmploymentBreakdowns;
import org.craftline.indicators.IndicatorScope;
import org.craftline.reports.support.Languages;
import org.craftline.reports.support.SchoolFacts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The tables of a dashboard, one per chart, with labels in the asked language. */
@Component
class DashboardTables {

    private final DashboardSeries series;
    private final SchoolFacts facts;
    private final MessageSource messages;
    private final JobsTables jobs;
    private final EmploymentBreakdowns breakdowns;

    DashboardTables(
            DashboardSeries series,
            SchoolFacts facts,
            MessageSource messages,
            JobsTables jobs,
            EmploymentBreakdowns breakdowns) {
        this.series = series;
        this.facts = facts;
        this.messages = messages;
        this.jobs = jobs;
        this.breakdowns = breakdowns;
    }

    List<Dashboard.Table> all(IndicatorScope scope, Map<String, Number> values, Locale locale) {
        List<Dashboard.Table> tables = new ArrayList<>(List.of(
                graduates(scope, locale),
                employment(scope, locale),
                industries(scope, locale),
                towns(scope, locale),
                masters(values, locale),
                practical(scope, locale),
                funds(scope, locale),
                social(scope, locale)));
        List<EmploymentBreakdowns.Breakdown> points = breakdowns.byPoint(scope);
        tables.addAll(breakdown(points, scope, locale));
        tables.addAll(surveys(points, scope, locale));
        tables.addAll(jobs.all(scope, this, locale));
        return tables;
    }

    /**
     * The directly employed at the dashboard's point as the ministry breaks them down: channel, sector,
     * region, pay band (a school's from its records, a group's or region's from the summaries).
     */
    private List<Dashboard.Table> breakdown(
            List<EmploymentBreakdowns.Breakdown> points, IndicatorScope scope, Locale locale) {
        EmploymentBreakdowns.Breakdown b = points.stream()
                .filter(p -> p.followUp().equals(scope.point()))
                .findFirst()
                .orElse(null);
        List<Dashboard.Row> channels = new ArrayList<>();
        List<Dashboard.Row> sectors = new ArrayList<>();
        List<Dashboard.Row> regions = new ArrayList<>();
        List<Dashboard.Row> pay = new ArrayList<>();
        if (b != null && b.directlyEmployed() > 0) {
            long[] channel = {b.channelSchool(), b.channelAgency(), b.channelOther()};
            String[] channelKeys = {"SCHOOL", "AGENCY", "OTHER"};
            long[] sector = {b.sectorPrimary(), b.sectorSecondary(), b.sectorTertiary()};
            String[] sectorKeys = {"PRIMARY", "SECONDARY", "TERTIARY"};
            long[] region = {b.regionLocal(), b.regionElsewhere(), b.regionAbroad()};
            String[] regionKeys = {"LOCAL", "ELSEWHERE", "ABROAD"};
            for (int i = 0; i < 3; i++) {
                channels.add(
                        new Dashboard.Row(text("destination.channel." + channelKeys[i], locale), List.of(channel[i])));
                sectors.add(new Dashboard.Row(text("destination.sector." + sectorKeys[i], locale), List.of(sector[i])));
                regions.add(new Dashboard.Row(text("destination.region." + regionKeys[i], locale), List.of(region[i])));
            }
            long[] bands = {b.payUpTo2000(), b.payTo3000(), b.payTo4000(), b.payTo5000(), b.payTo6000(), b.payOver6000()
            };
            for (int i = 0; i < bands.length; i++) {
                pay.add(new Dashboard.Row(
                        text("destination.payBand." + EmploymentBreakdowns.PAY_BANDS.get(i), locale),
                        List.of(bands[i])));
            }
        }
        return List.of(
                table("channel", "pie", List.of("destination.channel", "dashboard.col.employed"), channels, locale),
                table("sector", "pie", List.of("destination.sector", "dashboard.col.employed"), sectors, locale),
                table("region", "pie", List.of("destination.region", "dashboard.col.employed"), regions, locale),
                table("pay", "bar", List.of("destination.payBand", "dashboard.col.employed"), pay, locale));
    }

    /**
     * The year's employment terms, follow-up response and ratings: contract and insurance rates per
     * follow-up point (of those who stated them); the response rate of each point's round and of the
     * employer survey; the graduates' mean satisfaction and the employers' mean ratings (1 to 5).
     */
    private List<Dashboard.Table> surveys(
            List<EmploymentBreakdowns.Breakdown> points, IndicatorScope scope, Locale locale) {
        List<Dashboard.Row> terms = points.stream()
                .filter(b -> b.contractYes() + b.contractNo() + b.insuredYes() + b.insuredNo() > 0)
                .map(b -> new Dashboard.Row(
                        text("followUp." + b.followUp(), locale),
                        nullable(
                                DashboardSeries.percent(b.contractYes(), b.contractYes() + b.contractNo()),
                                DashboardSeries.percent(b.insuredYes(), b.insuredYes() + b.insuredNo()))))
                .toList();
        List<EmploymentBreakdowns.Response> responses = breakdowns.responses(scope);
        EmploymentBreakdowns.EmployerRatings employers = breakdowns.employers(scope);
        List<Dashboard.Row> response = new ArrayList<>();
        for (EmploymentBreakdowns.Response r : responses) {
            response.add(new Dashboard.Row(
                    text("followUp." + r.followUp(), locale),
                    nullable(DashboardSeries.percent(r.answered(), r.asked()))));
        }
        if (employers.units() > 0) {
            response.add(new Dashboard.Row(
                    text("dashboard.row.employerSurvey", locale),
                    nullable(DashboardSeries.percent(employers.answered(), employers.units()))));
        }
        List<Dashboard.Row> ratings = new ArrayList<>();
        responses.stream()
                .filter(r -> r.satisfaction() != null)
                .reduce((first, later) -> later)
                .ifPresent(r -> ratings.add(new Dashboard.Row(
                        text("dashboard.row.satisfaction", locale) + " (" + text("followUp." + r.followUp(), locale)
                                + ")",
                        nullable(mean(r.satisfaction())))));
        if (employers.skills() != null) {
            ratings.add(new Dashboard.Row(text("dashboard.row.skills", locale), nullable(mean(employers.skills()))));
            ratings.add(
                    new Dashboard.Row(text("dashboard.row.attitude", locale), nullable(mean(employers.attitude()))));
        }
        return List.of(
                table(
                        "terms",
                        "bar",
                        List.of("dashboard.col.point", "dashboard.col.contractRate", "dashboard.col.insuredRate"),
                        terms,
                        locale),
                table(
                        "response",
                        "bar",
                        List.of("dashboard.col.survey", "dashboard.col.responseRate"),
                        response,
                        locale),
                table("ratings", "bar", List.of("dashboard.col.rated", "dashboard.col.meanRating"), ratings, locale));
    }

    /** A mean rating to two places; null stays null. */
    private static BigDecimal mean(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private Dashboard.Table graduates(IndicatorScope scope, Locale locale) {
        List<Dashboard.Row> rows = series.graduatesPerYear(scope).stream()
                .map(y -> new Dashboard.Row(String.valueOf(y.cohort()), List.of(y.graduates())))
                .toList();
        return table("graduates", "bar", List.of("dashboard.col.year", "dashboard.col.graduates"), rows, locale);
    }

    private Dashboard.Table employment(IndicatorScope scope, Locale locale) {
        List<Dashboard.Row> rows = series.cohorts(scope).stream()
                .map(c -> new Dashboard.Row(
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

    private Dashboard.Table industries(IndicatorScope scope, Locale locale) {
        List<Dashboard.Row> rows = series.byIndustry(scope).stream()
                .map(c -> new Dashboard.Row(
                        c.label().isEmpty()
                                ? text("dashboard.unregistered", locale)
                                : text("industry." + c.label(), locale),
                        List.of(c.employed())))
                .toList();
        return table("industry", "pie", List.of("enterprise.industry", "dashboard.col.employed"), rows, locale);
    }

    /** The ten towns employing most graduates, the rest summed as one row. */
    private Dashboard.Table towns(IndicatorScope scope, Locale locale) {
        List<DashboardSeries.LabelCount> all = series.byTown(scope);
        List<Dashboard.Row> rows = new ArrayList<>();
        long others = 0;
        for (int i = 0; i < all.size(); i++) {
            DashboardSeries.LabelCount c = all.get(i);
            if (i < 10) {
                rows.add(new Dashboard.Row(
                        c.label().isEmpty() ? text("dashboard.townUnknown", locale) : c.label(),
                        List.of(c.employed())));
            } else {
                others += c.employed();
            }
        }
        if (others > 0) {
            rows.add(new Dashboard.Row(text("dashboard.otherTowns", locale), List.of(others)));
        }
        return table("town", "bar", List.of("dashboard.col.town", "dashboard.col.employed"), rows, locale);
    }

    private Dashboard.Table masters(Map<String, Number> values, Locale locale) {
        List<Dashboard.Row> rows =
                List.of("masters_national", "masters_provincial_municipal", "senior_craftsmen").stream()
                        .map(n -> new Dashboard.Row(text("indicator." + n, locale), List.of(values.get(n))))
                        .toList();
        return table("masters", "bar", List.of("dashboard.col.level", "dashboard.col.graduates"), rows, locale);
    }

    private Dashboard.Table practical(IndicatorScope scope, Locale locale) {
        boolean english = Languages.english(locale);
        List<Dashboard.Row> rows = series.practicalByMajor(scope).stream()
                .map(m -> new Dashboard.Row(
                        english && m.nameEn() != null ? m.nameEn() : m.name(),
                        nullable(DashboardSeries.percent(m.held(), m.required()))))
                .toList();
        return table("practical", "bar", List.of("field.major", "dashboard.col.practicalRate"), rows, locale);
    }

    private Dashboard.Table funds(IndicatorScope scope, Locale locale) {
        List<Dashboard.Row> rows = facts.fundsByCategory(scope).stream()
                .map(f -> new Dashboard.Row(
                        f.capacityBuilding()
                                ? text("line.category." + f.category(), locale)
                                : messages.getMessage(
                                        "dashboard.notCapacity",
                                        new Object[] {text("line.category." + f.category(), locale)},
                                        locale),
                        List.of(f.planned(), f.spent())))
                .toList();
        return table(
                "funds",
                "bar",
                List.of("dashboard.col.category", "dashboard.col.planned", "dashboard.col.spent"),
                rows,
                locale);
    }

    private Dashboard.Table social(IndicatorScope scope, Locale locale) {
        List<Dashboard.Row> rows = series.socialPerYear(scope).stream()
                .map(y -> new Dashboard.Row(
                        String.valueOf(y.endYear()), List.of(y.trainees(), y.completed(), y.employed())))
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

    Dashboard.Table table(String key, String chart, List<String> headerKeys, List<Dashboard.Row> rows, Locale locale) {
        List<String> headers = headerKeys.stream().map(k -> text(k, locale)).toList();
        return new Dashboard.Table(key, text("dashboard.chart." + key, locale), chart, headers, rows);
    }

    private static List<Number> nullable(BigDecimal... values) {
        List<Number> list = new ArrayList<>();
        for (BigDecimal v : values) {
            list.add(v);
        }
        return list;
    }

    String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
