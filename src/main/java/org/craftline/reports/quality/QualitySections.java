package org.craftline.reports.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.craftline.indicators.EmploymentBreakdowns;
import org.craftline.indicators.EmploymentBreakdowns.Breakdown;
import org.craftline.indicators.IndicatorScope;
import org.craftline.reports.quality.Report.Figure;
import org.craftline.reports.quality.Report.Section;
import org.craftline.reports.quality.Report.Table;
import org.craftline.reports.quality.Report.Value;
import org.craftline.reports.support.SchoolFacts;

/** The seven sections of the report for one school, scope (year, point, term) and indicator answer. */
final class QualitySections {

    static final List<String> DESTINATION_KINDS =
            List.of("EMPLOYED", "FURTHER_STUDY", "SELF_EMPLOYED", "MILITARY", "UNEMPLOYED", "UNKNOWN");
    static final List<String> COOPERATION_TYPES =
            List.of("INTERNSHIP_BASE", "ORDER_CLASS", "TRAINING_BASE", "EMPLOYMENT_PARTNER");

    private final SchoolFacts facts;
    private final long schoolId;
    private final IndicatorScope scope;
    private final Map<String, Number> values;
    private final Map<String, Long> cooperations = new LinkedHashMap<>();
    private final Breakdown breakdown;
    private final EmploymentBreakdowns.Response response;
    private final EmploymentBreakdowns.EmployerRatings employers;

    /**
     * {@code breakdown}: the ministry's breakdown at the scope's point, or null when nothing is confirmed
     * there; {@code response}: the latest follow-up round held for the year's graduates, or null;
     * {@code employers}: the employer survey of the year's graduates.
     */
    QualitySections(
            SchoolFacts facts,
            long schoolId,
            IndicatorScope scope,
            Map<String, Number> values,
            Breakdown breakdown,
            EmploymentBreakdowns.Response response,
            EmploymentBreakdowns.EmployerRatings employers) {
        this.facts = facts;
        this.employers = employers;
        this.response = response;
        this.schoolId = schoolId;
        this.scope = scope;
        this.values = values;
        this.breakdown = breakdown;
        COOPERATION_TYPES.forEach(t -> cooperations.put(t, 0L));
        facts.cooperations(schoolId, scope.year()).forEach(c -> cooperations.put(c.type(), c.partners()));
    }

    Section basic(SchoolFacts.School school) {
        SchoolFacts.Basics b = facts.basics(schoolId);
        return section(
                1,
                List.of(
                        figure("quality.basic.founded", Value.year(school.foundedYear())),
                        figure("quality.basic.region", Value.text(school.regionName(), school.regionNameEn())),
                        figure("quality.basic.students", Value.count(b.enrolled())),
                        figure("quality.basic.majors", Value.count(b.majors())),
                        figure("quality.basic.teachers", Value.count(b.fullTimeTeachers())),
                        figure("quality.basic.dualQualified", Value.rate(values.get("dual_qualified_teacher_share"))),
                        figure("quality.basic.workshops", Value.count(b.workshops())),
                        figure("quality.basic.area", Value.area(b.area())),
                        figure("quality.basic.stations", Value.count(b.stations())),
                        figure("quality.basic.equipment", Value.yuan(values.get("equipment_value_per_student")))),
                List.of(),
                List.of());
    }

    Section students() {
        long graduates = facts.graduates(scope);
        Map<String, Long> kinds = new LinkedHashMap<>();
        facts.destinations(scope).forEach(k -> kinds.put(k.kind(), k.n()));
        long further = kinds.getOrDefault("FURTHER_STUDY", 0L);
        List<Figure> figures = new ArrayList<>(List.of(
                figure("quality.students.graduates", Value.count(graduates)),
                figure("quality.students.point", Value.key("followUp." + scope.point())),
                figure("quality.students.certificateRate", Value.rate(values.get("certificate_rate"))),
                figure("quality.students.employmentRate", Value.rate(values.get("employment_rate"))),
                figure("quality.students.matchedRate", Value.rate(values.get("matched_employment_rate"))),
                figure("quality.students.localShare", Value.rate(values.get("local_employment_share"))),
                figure(
                        "quality.students.followUpRound",
                        response == null ? Value.NONE : Value.key("followUp." + response.followUp())),
                figure("quality.students.followUpResponse", Value.rate(response == null ? null : response.rate())),
                figure(
                        "quality.students.graduateSatisfaction",
                        outOfFive(response == null ? null : response.satisfaction())),
                figure("quality.students.employerResponse", Value.rate(employers.rate())),
                figure("quality.students.employerSkills", outOfFive(employers.skills())),
                figure("quality.students.employerAttitude", outOfFive(employers.attitude())),
                figure("quality.students.employerHireAgain", Value.rate(employers.hireAgainRate())),
                figure("quality.students.furtherStudy", Value.count(further)),
                figure("quality.students.furtherStudyShare", Value.rate(Report.share(further, graduates))),
                figure("quality.students.graduatesTotal", Value.count(values.get("graduates_total"))),
                figure("quality.students.enterprises", Value.count(values.get("enterprises_employing_graduates"))),
                figure("quality.students.mastersNational", Value.count(values.get("masters_national"))),
                figure("quality.students.mastersProvincial", Value.count(values.get("masters_provincial_municipal"))),
                figure("quality.students.seniorCraftsmen", Value.count(values.get("senior_craftsmen"))),
                figure("quality.students.internshipBases", Value.count(cooperations.get("INTERNSHIP_BASE")))));
        figures.addAll(internships());
        List<Table> tables = new ArrayList<>(List.of(destinations(kinds, graduates)));
        if (breakdown != null) {
            tables.add(ministryBreakdown(breakdown, graduates));
        }
        return section(2, figures, tables, List.of("quality.students.internshipsNote", "breakdown.hint"));
    }

    /** The directly employed as the ministry's statistics break them down, each share of its own base. */
    private static Table ministryBreakdown(Breakdown b, long graduates) {
        long direct = b.directlyEmployed();
        List<List<Value>> rows = new ArrayList<>();
        rows.add(row("breakdown.direct", direct, graduates));
        rows.add(row("breakdown.employed", b.employed(), direct));
        rows.add(row("destination.kind.SELF_EMPLOYED", b.selfEmployed(), direct));
        rows.add(row("destination.channel.SCHOOL", b.channelSchool(), b.employed()));
        rows.add(row("destination.channel.AGENCY", b.channelAgency(), b.employed()));
        rows.add(row("destination.channel.OTHER", b.channelOther(), b.employed()));
        rows.add(row("destination.sector.PRIMARY", b.sectorPrimary(), direct));
        rows.add(row("destination.sector.SECONDARY", b.sectorSecondary(), direct));
        rows.add(row("destination.sector.TERTIARY", b.sectorTertiary(), direct));
        rows.add(row("destination.region.LOCAL", b.regionLocal(), direct));
        rows.add(row("destination.region.ELSEWHERE", b.regionElsewhere(), direct));
        rows.add(row("destination.region.ABROAD", b.regionAbroad(), direct));
        rows.add(row("breakdown.contract", b.contractYes(), b.contractYes() + b.contractNo()));
        rows.add(row("breakdown.insured", b.insuredYes(), b.insuredYes() + b.insuredNo()));
        String median = b.medianPayBand();
        rows.add(List.of(
                Value.key("breakdown.medianPay"),
                median == null ? Value.NONE : Value.key("destination.payBand." + median),
                Value.NONE));
        return new Table(
                "quality.students.ministryBreakdown",
                List.of("breakdown.figure", "quality.col.graduates", "quality.col.shareOfBase"),
                rows);
    }

    private static List<Value> row(String label, long n, long base) {
        return List.of(Value.key(label), Value.count(n), Value.rate(Report.share(n, base)));
    }

    /** The internship figures of the 2021 rules: the year's placements, and those at risk now. */
    private List<Figure> internships() {
        return List.of(
                figure("quality.students.internshipRate", Value.rate(values.get("internship_rate"))),
                figure("quality.students.internshipInsuredRate", Value.rate(values.get("internship_insured_rate"))),
                figure("quality.students.internshipAgreementRate", Value.rate(values.get("internship_agreement_rate"))),
                figure("quality.students.matchedInternshipRate", Value.rate(values.get("matched_internship_rate"))),
                figure("quality.students.logSubmissionRate", Value.rate(values.get("log_submission_rate"))),
                figure("quality.students.internshipPassRate", Value.rate(values.get("internship_pass_rate"))),
                figure("quality.students.internshipsAtRisk", Value.count(values.get("internships_at_risk"))));
    }

    private static Table destinations(Map<String, Long> kinds, long graduates) {
        List<List<Value>> rows = new ArrayList<>();
        long recorded = 0;
        for (String kind : DESTINATION_KINDS) {
            long n = kinds.getOrDefault(kind, 0L);
            recorded += n;
            rows.add(List.of(
                    Value.key("destination.kind." + kind), Value.count(n), Value.rate(Report.share(n, graduates))));
        }
        long missing = Math.max(0, graduates - recorded);
        rows.add(List.of(
                Value.key("quality.students.noRecord"),
                Value.count(missing),
                Value.rate(Report.share(missing, graduates))));
        return new Table(
                "quality.students.destinations",
                List.of("quality.col.destination", "quality.col.graduates", "quality.col.shareOfGraduates"),
                rows);
    }

    Section teaching() {
        return section(
                3,
                List.of(
                        figure("quality.teaching.practicalRate", Value.rate(values.get("practical_training_rate"))),
                        figure("quality.teaching.term", Value.text(scope.term()))),
                List.of(),
                List.of("quality.teaching.practicalRateNote"));
    }

    Section cooperation() {
        long partners = facts.partners(schoolId, scope.year());
        List<List<Value>> types = COOPERATION_TYPES.stream()
                .map(t -> List.of(Value.key("cooperation.type." + t), Value.count(cooperations.get(t))))
                .toList();
        List<List<Value>> roles = facts.groupRoles(schoolId).stream()
                .map(g -> List.of(
                        Value.text(g.group(), g.groupEn()),
                        Value.key("group.level." + g.level()),
                        Value.key("group.role." + g.role())))
                .toList();
        return section(
                4,
                List.of(
                        figure("quality.cooperation.partners", Value.count(partners)),
                        figure("quality.cooperation.orderClasses", Value.count(cooperations.get("ORDER_CLASS")))),
                List.of(
                        new Table(
                                "quality.cooperation.byType",
                                List.of("quality.col.cooperationType", "quality.col.partners"),
                                types),
                        new Table(
                                "quality.cooperation.groups",
                                List.of("quality.col.group", "quality.col.groupLevel", "quality.col.role"),
                                roles)),
                List.of());
    }

    Section social() {
        return section(
                5,
                List.of(
                        figure("quality.social.trainees", Value.count(values.get("trainees_trained"))),
                        figure("quality.social.completionRate", Value.rate(values.get("training_completion_rate"))),
                        figure("quality.social.labourTransferRate", Value.rate(values.get("labour_transfer_rate")))),
                List.of(),
                List.of("quality.social.note"));
    }

    Section funds() {
        List<List<Value>> projects = facts.projects(schoolId).stream()
                .map(p -> List.of(
                        Value.text(p.name()),
                        Value.text(p.fundingSource()),
                        Value.key("award.level." + p.level()),
                        Value.year(p.awardYear()),
                        Value.yuan(p.awarded())))
                .toList();
        List<List<Value>> categories = facts.fundsByCategory(scope).stream()
                .map(c -> List.of(
                        Value.key("line.category." + c.category()),
                        Value.yuan(c.planned()),
                        Value.yuan(c.spent()),
                        Value.key(c.capacityBuilding() ? "quality.yes" : "quality.no")))
                .toList();
        return section(
                6,
                List.of(
                        figure("quality.funds.projects", Value.count(projects.size())),
                        figure("quality.funds.awarded", Value.yuan(values.get("funds_awarded"))),
                        figure("quality.funds.spent", Value.yuan(values.get("funds_spent"))),
                        figure("quality.funds.capacityShare", Value.rate(values.get("capacity_building_share")))),
                List.of(
                        new Table(
                                "quality.funds.projectList",
                                List.of(
                                        "quality.col.project",
                                        "quality.col.fundingSource",
                                        "quality.col.level",
                                        "quality.col.awardYear",
                                        "quality.col.awarded"),
                                projects),
                        new Table(
                                "quality.funds.byCategory",
                                List.of(
                                        "quality.col.category",
                                        "quality.col.planned",
                                        "quality.col.spentNet",
                                        "quality.col.capacityBuilding"),
                                categories)),
                List.of("quality.funds.note"));
    }

    Section honours() {
        List<List<Value>> honours = facts.honours(schoolId).stream()
                .map(h -> List.of(
                        Value.text(h.title()),
                        Value.text(h.awardingBody()),
                        Value.key("award.level." + h.level()),
                        Value.text(period(h.fromYear(), h.toYear()))))
                .toList();
        return section(
                7,
                List.of(
                        figure("quality.honours.school", Value.count(honours.size())),
                        figure("quality.honours.personal", Value.count(facts.personalHonours(schoolId)))),
                List.of(new Table(
                        "quality.honours.list",
                        List.of(
                                "quality.col.honour",
                                "quality.col.awardingBody",
                                "quality.col.level",
                                "quality.col.years"),
                        honours)),
                List.of());
    }

    static String period(int from, Integer to) {
        return to == null || to == from ? String.valueOf(from) : from + "–" + to;
    }

    private static Section section(int number, List<Figure> figures, List<Table> tables, List<String> notes) {
        return new Section(number, "quality.s" + number, figures, tables, notes);
    }

    private static Figure figure(String label, Value value) {
        return new Figure(label, value);
    }

    /** A mean of ratings 1-5 as "4.2 / 5", or none. */
    private static Value outOfFive(Double mean) {
        return mean == null ? Value.NONE : Value.text(String.format(java.util.Locale.ROOT, "%.1f / 5", mean));
    }
}
