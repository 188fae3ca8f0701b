package org.craftline.jobs.domain;

/** A graduate's saved search of the job board: its name and filters (each may be empty). */
public record SavedSearch(long id, String name, PostingKind kind, String town, String searchText) {

    public JobBoard.Filter filter() {
        return new JobBoard.Filter(kind, town, searchText);
    }
}
