package org.craftline.internships.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.ImportKind.RowErrors;
import org.craftline.shared.Labels;

/**
 * The cells of the {@code internships} kind: its columns, named as the form's fields where there is
 * one, and a row read into the form the page sends. The signed files cannot travel in a sheet: a row
 * says the agreement (and a minor's guardian consent) is signed on paper.
 */
final class PlacementCells {

    static final String[][] KINDS = {{"认识实习", "Cognitive"}, {"岗位实习", "Post"}};
    static final String[][] YES_NO = {{"是", "Yes", "true", "Y"}, {"否", "No", "false", "N"}};
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-M-d");

    static final List<ImportColumn> COLUMNS = List.of(
            new ImportColumn("studentNumber", "学号", "Student number", true, "G202400003"),
            new ImportColumn("creditCode", "实习单位信用代码", "Enterprise credit code", true, "92411324MA0000001X"),
            new ImportColumn("kind", "实习类型", "Kind", true, "岗位实习"),
            new ImportColumn("post", "实习岗位", "Post", true, "玉雕学徒"),
            new ImportColumn("postHeadcount", "岗位在岗职工人数", "Post headcount", true, "20"),
            new ImportColumn("startsOn", "开始日期", "Starts on", true, "2026-03-01"),
            new ImportColumn("endsOn", "结束日期", "Ends on", true, "2026-08-31"),
            new ImportColumn("supervisorNumber", "校内指导教师工号", "Supervisor staff number", true, "T0007"),
            new ImportColumn("mentorName", "企业导师", "Enterprise mentor", true, "王师傅"),
            new ImportColumn("mentorPhone", "导师手机号", "Mentor phone", true, "13800138000"),
            new ImportColumn("hoursPerDay", "每日工时", "Hours a day", true, "8"),
            new ImportColumn("daysPerWeek", "每周天数", "Days a week", true, "5"),
            new ImportColumn("nightShifts", "安排夜班", "Night shifts", false, "否"),
            new ImportColumn("overtime", "安排加班", "Overtime", false, "否"),
            new ImportColumn("publicHolidays", "法定节假日上岗", "Public holidays", false, "否"),
            new ImportColumn("monthlyPay", "月实习报酬", "Monthly pay", true, "2400"),
            new ImportColumn("postWage", "同岗位职工月工资", "Post's monthly wage", true, "3000"),
            new ImportColumn("insurer", "实习责任保险承保公司", "Insurer", true, "中国人民财产保险"),
            new ImportColumn("policyNumber", "保单号", "Policy number", true, "PICC-2026-0001"),
            new ImportColumn("insuredFrom", "保险起始日期", "Insured from", true, "2026-03-01"),
            new ImportColumn("insuredTo", "保险截止日期", "Insured to", true, "2026-08-31"),
            new ImportColumn("agreementSigned", "三方协议已签订（纸质）", "Agreement signed on paper", true, "是"),
            new ImportColumn("agreementEndsOn", "协议截止日期", "Agreement ends on", false, ""),
            new ImportColumn("guardianName", "监护人姓名（未满18周岁）", "Guardian (under 18)", false, ""),
            new ImportColumn("consentSigned", "监护人知情同意书已签（纸质）", "Guardian consent signed on paper", false, ""),
            new ImportColumn("acceptWarnings", "接受预警", "Accept warnings", false, ""),
            new ImportColumn("acceptanceReason", "接受预警理由", "Reason for accepting", false, ""));

    /** Where a rule's or a form field's problem is shown in a sheet. */
    static String column(String field) {
        return switch (field) {
            case "enterpriseId" -> "creditCode";
            case "agreement" -> "agreementSigned";
            case "consent" -> "consentSigned";
            default -> field;
        };
    }

    /** A row as the form would send it, and what it says of the paper files. */
    record Row(PlacementForm form, boolean agreementSigned, boolean consentSigned) {}

    private PlacementCells() {}

    /** The row read, or null after naming each cell that cannot be read; {@code units} finds a credit code's unit. */
    static Row read(Map<String, String> v, Map<String, Long> units, RowErrors errors) {
        var cells = new Cells(v, errors);
        Long unit = units.get(org.craftline.shared.CreditCodes.normalise(v.getOrDefault("creditCode", "")));
        if (unit == null && !v.getOrDefault("creditCode", "").isBlank()) {
            errors.add("creditCode", v.get("creditCode"), "internship.enterprise.unknown");
            cells.ok = false;
        }
        var kind = Labels.parse(InternshipKind.class, v.get("kind"), KINDS);
        if (kind.isEmpty() && !v.getOrDefault("kind", "").isBlank()) {
            errors.add("kind", v.get("kind"), "internship.import.kind");
            cells.ok = false;
        }
        var form = new PlacementForm(
                "",
                cells.text("studentNumber"),
                unit,
                kind.orElse(null),
                cells.text("post"),
                cells.whole("postHeadcount"),
                cells.date("startsOn"),
                cells.date("endsOn"),
                cells.text("supervisorNumber"),
                cells.text("mentorName"),
                cells.text("mentorPhone"),
                cells.number("hoursPerDay"),
                cells.whole("daysPerWeek"),
                cells.yes("nightShifts"),
                cells.yes("overtime"),
                cells.yes("publicHolidays"),
                cells.number("monthlyPay"),
                cells.number("postWage"),
                cells.text("insurer"),
                cells.text("policyNumber"),
                cells.date("insuredFrom"),
                cells.date("insuredTo"),
                cells.date("agreementEndsOn"),
                cells.text("guardianName"),
                cells.yes("acceptWarnings"),
                cells.text("acceptanceReason"),
                null);
        boolean agreement = Boolean.TRUE.equals(cells.yes("agreementSigned"));
        boolean consent = Boolean.TRUE.equals(cells.yes("consentSigned"));
        return cells.ok ? new Row(form, agreement, consent) : null;
    }

    static String yesNo(boolean yes, boolean english) {
        return YES_NO[yes ? 0 : 1][english ? 1 : 0];
    }

    /** Reads cells; an empty cell is null (a required one is then refused by the form's constraints). */
    private static final class Cells {
        private final Map<String, String> v;
        private final RowErrors errors;
        private boolean ok = true;

        Cells(Map<String, String> v, RowErrors errors) {
            this.v = v;
            this.errors = errors;
        }

        String text(String key) {
            String text = v.getOrDefault(key, "");
            return text.isBlank() ? null : text.strip();
        }

        LocalDate date(String key) {
            String text = text(key);
            try {
                return text == null
                        ? null
                        : LocalDate.parse(text.replace('/', '-').replace('.', '-'), DAY);
            } catch (DateTimeParseException e) {
                return refuse(key, "internship.import.date");
            }
        }

        BigDecimal number(String key) {
            String text = text(key);
            try {
                return text == null ? null : new BigDecimal(text.replace(",", ""));
            } catch (NumberFormatException e) {
                return refuse(key, "internship.import.number");
            }
        }

        Integer whole(String key) {
            BigDecimal n = number(key);
            try {
                return n == null ? null : n.intValueExact();
            } catch (ArithmeticException e) {
                return refuse(key, "internship.import.number");
            }
        }

        Boolean yes(String key) {
            String text = text(key);
            var answer = Labels.parse(YesNo.class, text, YES_NO);
            if (text != null && answer.isEmpty()) {
                return refuse(key, "internship.import.yesNo");
            }
            return answer.orElse(YesNo.NO) == YesNo.YES;
        }

        private <T> T refuse(String key, String messageKey) {
            errors.add(key, v.get(key), messageKey);
            ok = false;
            return null;
        }
    }

    private enum YesNo {
        YES,
        NO
    }
}
