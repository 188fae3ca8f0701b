package org.craftline.reports.profile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.craftline.indicators.IndicatorScope;
import org.craftline.indicators.Indicators;
import org.craftline.reports.support.SchoolFacts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school profile in prose, in the shape of the school's own text: founding, graduates sent,
 * where they work, masters trained, honours, group roles, funds won and spent, the practical-training
 * rate and its rank in the province, social training. Every number is an indicator of
 * {@code /api/v1/indicators} for the school (the rank compares the same indicator across the
 * province); honours, groups and projects are the records themselves. The sentences are message
 * patterns, one set per language.
 */
@Service
class Profile {

    private final Indicators indicators;
    private final SchoolFacts facts;
    private final MessageSource messages;
    private final Clock clock;

    Profile(Indicators indicators, SchoolFacts facts, MessageSource messages, Clock clock) {
        this.indicators = indicators;
        this.facts = facts;
        this.messages = messages;
        this.clock = clock;
    }

    record Rank(int position, int of, String province) {}

    record View(
            String school,
            String name,
            String lang,
            int year,
            String term,
            List<String> paragraphs,
            List<SchoolFacts.Honour> honours,
            Map<String, Number> figures,
            Rank practicalTrainingRank) {}

    @Transactional(readOnly = true)
    View of(String schoolCode, Locale locale) {
        IndicatorScope scope = indicators.resolve(new Indicators.Request(schoolCode, null, null, null, null, null));
        Map<String, Number> v = indicators.values(scope);
        long id = scope.schoolIds().iterator().next();
        SchoolFacts.School school = facts.school(id);
        Prose prose = new Prose(messages, locale);
        Rank rank = rank(school, scope, prose.english);
        List<SchoolFacts.Honour> honours = facts.honours(id);
        List<String> paragraphs = new ArrayList<>(List.of(
                graduates(prose, school, scope, v),
                honours(prose, honours),
                groupsAndFunds(prose, id, v),
                prose.join(practical(prose, scope, v, rank), social(prose, scope.year(), v))));
        paragraphs.removeIf(String::isBlank);
        return new View(
                school.code(),
                school.name(prose.english),
                prose.english ? "en" : "zh",
                scope.year(),
                scope.term(),
                paragraphs,
                honours,
                v,
                rank);
    }

    private String graduates(Prose prose, SchoolFacts.School school, IndicatorScope scope, Map<String, Number> v) {
        return prose.join(
                prose.say(
                        "profile.founded",
                        school.name(prose.english),
                        school.foundedYear(),
                        LocalDate.now(clock).getYear() - school.foundedYear(),
                        prose.count(v.get("graduates_total"))),
                prose.say("profile.enterprises", prose.count(v.get("enterprises_employing_graduates"))),
                prose.say("profile.local", scope.year(), prose.percent(v.get("local_employment_share"))),
                prose.say(
                        "profile.masters",
                        prose.count(v.get("masters_national")),
                        prose.count(v.get("masters_provincial_municipal")),
                        prose.count(v.get("senior_craftsmen"))));
    }

    private String honours(Prose prose, List<SchoolFacts.Honour> honours) {
        if (honours.isEmpty()) {
            return "";
        }
        List<String> titles = honours.stream()
                .map(h -> prose.say(
                        "profile.honour",
                        h.title(),
                        prose.say("award.level." + h.level()),
                        h.toYear() == null ? String.valueOf(h.fromYear()) : h.fromYear() + "–" + h.toYear()))
                .toList();
        // English prose counts them by level; the titles (recorded in Chinese) are listed beside it
        return prose.say(
                "profile.honours",
                honours.size(),
                level(honours, "NATIONAL"),
                level(honours, "PROVINCIAL"),
                prose.list(titles),
                level(honours, "MUNICIPAL"),
                level(honours, "COUNTY"));
    }

    private static long level(List<SchoolFacts.Honour> honours, String level) {
        return honours.stream().filter(h -> level.equals(h.level())).count();
    }

    private String groupsAndFunds(Prose prose, long schoolId, Map<String, Number> v) {
        List<String> sentences = new ArrayList<>();
        List<String> roles = facts.groupRoles(schoolId).stream()
                .map(g -> prose.say("profile.role." + g.role(), g.group(prose.english)))
                .toList();
        if (!roles.isEmpty()) {
            sentences.add(prose.say("profile.groups", prose.list(roles)));
        }
        List<SchoolFacts.Project> projects = facts.projects(schoolId);
        if (!projects.isEmpty()) {
            List<String> sources = projects.stream()
                    .map(SchoolFacts.Project::fundingSource)
                    .distinct()
                    .toList();
            sentences.add(prose.say(
                    "profile.funds",
                    projects.size(),
                    prose.list(sources.stream()
                            .map(s -> prose.say("profile.quoted", s))
                            .toList()),
                    prose.money(v.get("funds_awarded")),
                    prose.money(v.get("funds_spent"))));
            if (v.get("capacity_building_share") != null) {
                sentences.add(prose.say("profile.capacity", prose.percent(v.get("capacity_building_share"))));
            }
        }
        return prose.join(sentences.toArray(String[]::new));
    }

    private String practical(Prose prose, IndicatorScope scope, Map<String, Number> v, Rank rank) {
        Number rate = v.get("practical_training_rate");
        if (rate == null) {
            return "";
        }
        String held = prose.say("profile.practical", scope.term(), prose.percent(rate));
        return rank == null
                ? held
                : prose.join(held, prose.say("profile.rank", rank.province(), rank.of(), rank.position()));
    }

    private String social(Prose prose, int year, Map<String, Number> v) {
        Number trainees = v.get("trainees_trained");
        if (trainees == null || trainees.longValue() == 0) {
            return "";
        }
        return prose.say(
                "profile.social",
                year,
                prose.count(trainees),
                prose.percent(v.get("training_completion_rate")),
                prose.percent(v.get("labour_transfer_rate")));
    }

    /**
     * The school's place among its province's schools by the practical-training rate of the same
     * term (only the rank is published, never another school's value).
     */
    private Rank rank(SchoolFacts.School school, IndicatorScope scope, boolean english) {
        if (school.provinceCode() == null) {
            return null;
        }
        Indicators.Rank rank =
                indicators.rank("practical_training_rate", school.id(), facts.schoolsOfProvince(school), scope);
        if (rank == null) {
            return null;
        }
        String province = english && school.provinceNameEn() != null ? school.provinceNameEn() : school.provinceName();
        return new Rank(rank.position(), rank.of(), province);
    }
}
