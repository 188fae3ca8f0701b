package org.craftline.reports.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.craftline.reports.quality.Report.Section;
import org.craftline.reports.quality.Report.Table;
import org.craftline.reports.quality.Report.Value;
import org.craftline.reports.support.Figures;
import org.craftline.reports.support.Languages;
import org.springframework.context.MessageSource;

/**
 * The report in one language: labels from the messages, rates as percentages with one decimal,
 * money in yuan with thousands separators, an undefined value as the "none" text (never 0).
 */
final class QualityText {

    private final MessageSource messages;
    private final Locale locale;
    private final boolean english;

    QualityText(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.english = Languages.english(locale);
    }

    boolean english() {
        return english;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    String heading(Section section) {
        return section.number() + " " + text(section.title());
    }

    String format(Value value) {
        return switch (value.kind()) {
            case COUNT -> Figures.number((Long) value.raw());
            case RATE -> percent(value.number());
            case YUAN -> text("quality.value.yuan", String.format(Locale.ROOT, "%,.2f", value.number()));
            case AREA -> text("quality.value.area", String.format(Locale.ROOT, "%,.1f", value.number()));
            case YEAR -> String.valueOf(value.raw());
            case TEXT -> english && value.english() != null ? value.english() : (String) value.raw();
            case KEY -> text((String) value.raw());
            case NONE -> text("quality.value.none");
        };
    }

    /** 0.9273 as "92.7%". */
    static String percent(BigDecimal rate) {
        return Figures.percentText(rate);
    }

    String schoolName(Report report) {
        return report.school().name(english);
    }

    /** Title of the document (the PDF's title, the workbook's first row). */
    String documentTitle(Report report) {
        return text("quality.documentTitle", schoolName(report), String.valueOf(report.year()));
    }

    /** What the figures rest on: the follow-up point, the term and the day they were computed. */
    String basis(Report report) {
        return text(
                "quality.basis",
                text("followUp." + report.point()),
                report.term(),
                report.asOf().toLocalDate().toString());
    }

    QualityDocument document(Report report) {
        return new QualityDocument(
                english ? "en" : "zh-CN",
                documentTitle(report),
                schoolName(report),
                text("quality.subtitle", String.valueOf(report.year())),
                basis(report),
                report.sections().stream().map(this::part).toList());
    }

    private QualityDocument.Part part(Section section) {
        return new QualityDocument.Part(
                section.anchor(),
                heading(section),
                section.figures().stream()
                        .map(f -> new QualityDocument.Line(text(f.label()), format(f.value())))
                        .toList(),
                section.tables().stream().map(this::grid).toList(),
                section.notes().stream().map(this::text).toList());
    }

    private QualityDocument.Grid grid(Table table) {
        List<Boolean> numeric = numericColumns(table);
        List<QualityDocument.Column> columns = new ArrayList<>();
        for (int c = 0; c < table.headers().size(); c++) {
            columns.add(new QualityDocument.Column(text(table.headers().get(c)), numeric.get(c)));
        }
        List<List<String>> rows = table.rows().stream()
                .map(row -> row.stream().map(this::format).toList())
                .toList();
        return new QualityDocument.Grid(text(table.caption()), columns, rows, text("quality.table.empty"));
    }

    /** A column is numeric (right-aligned) when its first row holds a number. */
    static List<Boolean> numericColumns(Table table) {
        return IntStream.range(0, table.headers().size())
                .mapToObj(c -> !table.rows().isEmpty()
                        && table.rows().get(0).get(c).kind().numeric())
                .toList();
    }
}
