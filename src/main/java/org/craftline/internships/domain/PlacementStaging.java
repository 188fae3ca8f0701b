package org.craftline.internships.domain;

import java.util.List;

/** The staging table of the {@code internships} import and how a staged row meets its placement. */
final class PlacementStaging {

    static final String TABLE = "internship_import";
    static final List<String> COLUMNS = List.of(
            "import_key",
            "school_id",
            "student_id",
            "enterprise_id",
            "kind",
            "post",
            "post_headcount",
            "matched",
            "starts_on",
            "ends_on",
            "supervisor_id",
            "mentor_name",
            "mentor_phone",
            "hours_per_day",
            "days_per_week",
            "night_shifts",
            "overtime",
            "public_holidays",
            "monthly_pay",
            "post_wage",
            "insurer",
            "policy_number",
            "insured_from",
            "insured_to",
            "agreement_ends_on",
            "minor",
            "guardian_name",
            "accepted_warnings",
            "acceptance_reason");
    /** The parameters of {@link Placements#values} that fill {@link #COLUMNS} after the import key. */
    static final List<String> PARAMS = List.of(
            "school",
            "student",
            "enterprise",
            "kind",
            "post",
            "headcount",
            "matched",
            "starts",
            "ends",
            "supervisor",
            "mentor",
            "phone",
            "hours",
            "days",
            "nights",
            "overtime",
            "holidays",
            "pay",
            "wage",
            "insurer",
            "policy",
            "insuredFrom",
            "insuredTo",
            "agreementEnds",
            "minor",
            "guardian",
            "accepted",
            "reason");
    /** A staged row and its placement: same school, student, unit and start date. */
    static final String MATCH = "p.school_id = i.school_id AND p.student_id = i.student_id"
            + " AND p.enterprise_id = i.enterprise_id AND p.starts_on = i.starts_on";
    /** What a row states equals its placement (the rules' decisions at entry are not restated). */
    static final String SAME = "p.kind = i.kind AND p.post = i.post AND p.post_headcount = i.post_headcount"
            + " AND p.ends_on = i.ends_on AND p.supervisor_id = i.supervisor_id AND p.mentor_name = i.mentor_name"
            + " AND p.mentor_phone = i.mentor_phone AND p.hours_per_day = i.hours_per_day"
            + " AND p.days_per_week = i.days_per_week AND p.night_shifts = i.night_shifts AND p.overtime = i.overtime"
            + " AND p.public_holidays = i.public_holidays AND p.monthly_pay = i.monthly_pay"
            + " AND p.post_wage = i.post_wage AND p.insurer = i.insurer AND p.policy_number = i.policy_number"
            + " AND p.insured_from = i.insured_from AND p.insured_to = i.insured_to"
            + " AND p.agreement_ends_on IS NOT DISTINCT FROM i.agreement_ends_on"
            + " AND p.guardian_name IS NOT DISTINCT FROM i.guardian_name";

    private PlacementStaging() {}
}
