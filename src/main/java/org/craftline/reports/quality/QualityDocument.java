package org.craftline.reports.quality;

import java.util.List;

/**
 * The report as the templates show it, in one language: every label and figure already text. The
 * page, the standalone XHTML document and the PDF render this one model with one fragment.
 */
record QualityDocument(String lang, String title, String school, String subtitle, String basis, List<Part> sections) {

    record Part(String id, String heading, List<Line> lines, List<Grid> tables, List<String> notes) {}

    record Line(String label, String value) {}

    record Grid(String caption, List<Column> columns, List<List<String>> rows, String empty) {}

    record Column(String header, boolean numeric) {}
}
