package org.craftline.reports.dashboard;

import java.util.Locale;
import org.craftline.indicators.IndicatorScope;
import org.craftline.indicators.Indicators;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Tenancy;
import org.craftline.reports.support.Languages;
import org.craftline.reports.support.SchoolFacts;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What a dashboard is of: a school, a region, a group, or everything the user sees; and its name. */
@Component
class Subjects {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final MessageSource messages;
    private final SchoolFacts facts;

    Subjects(JdbcClient jdbc, Tenancy tenancy, MessageSource messages, SchoolFacts facts) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.messages = messages;
        this.facts = facts;
    }

    /** What a dashboard is of; {@code query} asks for it again, e.g. {@code school=4141013240}. */
    record Subject(String kind, String code, String name, String query) {

        Subject(String kind, String code, String name) {
            this(kind, code, name, "all".equals(kind) ? "" : kind + "=" + code);
        }
    }

    /** The user's own dashboard when none is asked: their school, region or group. */
    Indicators.Request defaults(Indicators.Request asked) {
        if (asked.school() != null || asked.region() != null || asked.group() != null) {
            return asked;
        }
        CurrentUser me = tenancy.currentUser();
        if (me.schoolId() != null) {
            return with(asked, facts.code(me.schoolId()), null, null);
        }
        if (me.regionId() != null) {
            return with(asked, null, regionCode(me.regionId()), null);
        }
        if (me.groupId() != null) {
            return with(asked, null, null, me.groupId());
        }
        return asked;
    }

    /**
     * The subject of a resolved request. A region or group of which the user may read only some
     * schools is named with how many, so no figure is read as the whole region's or group's.
     */
    Subject of(Indicators.Request request, IndicatorScope scope, Locale locale) {
        String column = Languages.english(locale) ? "COALESCE(name_en, name)" : "name";
        if (request.school() != null) {
            return new Subject("school", request.school(), name("school", column, "code", request.school()));
        }
        if (request.region() != null) {
            String name = name("region", column, "code", request.region());
            return new Subject(
                    "region", request.region(), partial(name, scope, regionSchools(request.region()), locale));
        }
        if (request.group() != null) {
            String name = name("edu_group", column, "id", request.group());
            return new Subject(
                    "group",
                    String.valueOf(request.group()),
                    partial(name, scope, groupSchools(request.group()), locale));
        }
        return new Subject("all", "", messages.getMessage("dashboard.allSchools", null, locale));
    }

    private String partial(String name, IndicatorScope scope, long total, Locale locale) {
        int visible = scope.schoolIds().size();
        return visible < total
                ? messages.getMessage("dashboard.partial", new Object[] {name, visible, total}, locale)
                : name;
    }

    private long regionSchools(String code) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM school s JOIN region r ON r.id = s.region_id
                        WHERE r.path LIKE (SELECT p.path FROM region p WHERE p.code = :code) || '%'
                        """).param("code", code).query(Long.class).single();
    }

    private long groupSchools(long group) {
        return jdbc.sql("SELECT COUNT(DISTINCT m.school_id) FROM edu_group_member m WHERE m.group_id = :g")
                .param("g", group)
                .query(Long.class)
                .single();
    }

    private String name(String table, String column, String key, Object value) {
        return jdbc.sql("SELECT " + column + " FROM " + table + " WHERE " + key + " = :v")
                .param("v", value)
                .query(String.class)
                .single();
    }

    private String regionCode(long id) {
        return jdbc.sql("SELECT code FROM region WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private static Indicators.Request with(Indicators.Request r, String school, String region, Long group) {
        return new Indicators.Request(school, region, group, r.year(), r.point(), r.term());
    }
}
