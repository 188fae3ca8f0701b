package org.craftline.jobs.domain;

import java.time.Clock;
import java.time.LocalDate;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A graduate's own job board: the open postings (deadline not passed, not closed, not hidden by its
 * school), those that fit its major and level first, then the others, soonest deadline first.
 */
@Service
public class JobBoard {

    private final JdbcClient jdbc;
    private final JobAccess access;
    private final Clock clock;

    JobBoard(JdbcClient jdbc, JobAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /** The board's filters; each may be empty. */
    public record Filter(PostingKind kind, String town, String q) {

        public static Filter none() {
            return new Filter(null, null, null);
        }
    }

    /** A posting on the board and whether it fits the graduate. */
    public record Entry(PostingView posting, boolean fits) {}

    @Transactional(readOnly = true)
    public JobSeeker seeker() {
        return JobSeeker.of(access.user(), jdbc);
    }

    @Transactional(readOnly = true)
    public Paged<Entry> list(Filter filter, PageQuery page) {
        JobSeeker me = seeker();
        var reach = access.postings();
        Where where = Where.of(reach.sql() + " AND p.closed = FALSE AND p.deadline >= :today", reach.params())
                .param("today", LocalDate.now(clock))
                .param("readerSchool", me.schoolId())
                .param("seekerMajor", me.majorId())
                .param("seekerRank", me.skillRank())
                .and(
                        "p.kind = :kind",
                        "kind",
                        filter.kind() == null ? null : filter.kind().name())
                .and("p.town = :town", "town", filter.town());
        PostingQueries.search(jdbc, where, filter.q());
        return SqlPages.fetch(
                        jdbc,
                        PostingQueries.SELECT,
                        PostingQueries.FROM,
                        where,
                        JobSeeker.FIT_ORDER + ", p.deadline, p.id",
                        page,
                        PostingView.class)
                .map(p -> new Entry(p, me.fits(p)));
    }
}
