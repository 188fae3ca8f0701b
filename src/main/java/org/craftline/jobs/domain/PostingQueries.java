package org.craftline.jobs.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.craftline.shared.Keyset;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.SqlVendor;
import org.craftline.shared.TextSearch;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The postings a user reads: lists with filters, one posting. */
@Service
public class PostingQueries {

    // the majors aggregated per posting without a GROUP BY over the whole list: one small subquery each
    static final String SELECT = "p.id, p.enterprise_id, e.name AS enterprise_name, e.industry, p.kind, p.position,"
            + " (SELECT STRING_AGG(m.name, '、' ORDER BY m.code) FROM posting_major pm"
            + " JOIN major m ON m.id = pm.major_id WHERE pm.posting_id = p.id) AS majors,"
            + " (SELECT STRING_AGG(m.code, ',' ORDER BY m.code) FROM posting_major pm"
            + " JOIN major m ON m.id = pm.major_id WHERE pm.posting_id = p.id) AS major_codes,"
            + " p.min_skill_rank, p.headcount, p.pay_from, p.pay_to, p.town, p.starts_on, p.deadline, p.description,"
            + " p.closed, p.published_by, p.school_id,"
            + " (SELECT COUNT(*) FROM job_application a WHERE a.posting_id = p.id) AS applications,"
            + " (SELECT h.reason FROM posting_hidden h WHERE h.posting_id = p.id AND h.school_id = :readerSchool)"
            + " AS hidden_reason, p.version";
    static final String FROM = "posting p JOIN enterprise e ON e.id = p.enterprise_id";

    private final JdbcClient jdbc;
    private final JobAccess access;
    private final Clock clock;

    PostingQueries(JdbcClient jdbc, JobAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /** The list's filters: unit, kind, town, text; {@code open} keeps those still taking applications. */
    public record Filter(Long enterpriseId, PostingKind kind, String town, String q, Boolean open) {

        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    @Transactional(readOnly = true)
    public Paged<PostingView> list(Filter f, PageQuery page) {
        var reach = access.postings();
        Where where = Where.of(reach.sql(), reach.params())
                .and("p.enterprise_id = :enterprise", "enterprise", f.enterpriseId())
                .and(
                        "p.kind = :kind",
                        "kind",
                        f.kind() == null ? null : f.kind().name())
                .and("p.town = :town", "town", f.town())
                .and(
                        "p.closed = FALSE AND p.deadline >= :today",
                        "today",
                        Boolean.TRUE.equals(f.open()) ? LocalDate.now(clock) : null);
        search(jdbc, where, f.q());
        return SqlPages.fetch(
                jdbc,
                SELECT,
                FROM,
                withReader(where),
                page,
                Keyset.of(List.of("p.deadline", "p.id"), true, "p.id", PostingView::id, page),
                PostingView.class);
    }

    /** The search box of the postings and of the job board: a posting's position or its unit's name. */
    static Where search(JdbcClient jdbc, Where where, String q) {
        return TextSearch.apply(
                where,
                "q",
                q,
                SqlVendor.postgres(jdbc),
                "posting",
                "p",
                TextSearch.Source.own(null, "position"),
                TextSearch.Source.via("enterprise_id", "enterprise", "e", null, "name"));
    }

    @Transactional(readOnly = true)
    public PostingView get(long id) {
        var reach = access.postings();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE p.id = :id AND " + reach.sql())
                .params(reach.params())
                .params(reader())
                .param("id", id)
                .query(PostingView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("posting", String.valueOf(id)));
    }

    private Where withReader(Where where) {
        reader().forEach(where::param);
        return where;
    }

    private Map<String, Object> reader() {
        Long school = access.user().schoolId();
        return Map.of("readerSchool", school == null ? -1L : school);
    }
}
