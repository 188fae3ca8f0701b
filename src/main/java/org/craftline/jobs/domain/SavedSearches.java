package org.craftline.jobs.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.craftline.shared.ConflictException;
import org.craftline.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The saved searches of the signed-in graduate's job board: its own only, at most {@link #MAX}. */
@Service
public class SavedSearches {

    public static final int MAX = 20;

    private final JdbcClient jdbc;
    private final JobBoard board;
    private final Clock clock;

    SavedSearches(JdbcClient jdbc, JobBoard board, Clock clock) {
        this.jdbc = jdbc;
        this.board = board;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SavedSearch> list() {
        return jdbc.sql("SELECT id, name, kind, town, search_text FROM job_saved_search WHERE student_id = :s"
                        + " ORDER BY name FETCH FIRST " + MAX + " ROWS ONLY")
                .param("s", board.seeker().studentId())
                .query(SavedSearch.class)
                .list();
    }

    @Transactional(readOnly = true)
    public SavedSearch get(long id) {
        return jdbc.sql("SELECT id, name, kind, town, search_text FROM job_saved_search WHERE id = :id"
                        + " AND student_id = :s")
                .param("id", id)
                .param("s", board.seeker().studentId())
                .query(SavedSearch.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("savedSearch", String.valueOf(id)));
    }

    @Transactional
    public SavedSearch save(SearchForm form) {
        long me = board.seeker().studentId();
        // one student's rows, locked so two saves at once cannot pass the limit together
        List<String> names = jdbc.sql("SELECT name FROM job_saved_search WHERE student_id = :s FOR UPDATE")
                .param("s", me)
                .query(String.class)
                .list();
        String name = form.name().strip();
        if (names.contains(name)) {
            throw new ConflictException("jobs.search.duplicate", "name", "a saved search of that name exists");
        }
        if (names.size() >= MAX) {
            throw new ConflictException("jobs.search.full", "name", "at most " + MAX + " saved searches", MAX);
        }
        jdbc.sql("INSERT INTO job_saved_search (student_id, name, kind, town, search_text, created_at)"
                        + " VALUES (:s, :n, :k, :t, :q, :at)")
                .param("s", me)
                .param("n", name)
                .param("k", form.kind() == null ? null : form.kind().name())
                .param("t", blankToNull(form.town()))
                .param("q", blankToNull(form.searchText()))
                .param("at", OffsetDateTime.now(clock))
                .update();
        return list().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Transactional
    public void delete(long id) {
        int gone = jdbc.sql("DELETE FROM job_saved_search WHERE id = :id AND student_id = :s")
                .param("id", id)
                .param("s", board.seeker().studentId())
                .update();
        if (gone == 0) {
            throw new NotFoundException("savedSearch", String.valueOf(id));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
