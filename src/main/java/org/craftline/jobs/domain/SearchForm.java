package org.craftline.jobs.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A search to save: its name and the board's filters. */
public record SearchForm(
        @NotBlank @Size(max = 50) String name,
        PostingKind kind,
        @Size(max = 50) String town,
        @Size(max = 50) String searchText) {

    public static SearchForm of(JobBoard.Filter filter) {
        return new SearchForm(null, filter.kind(), filter.town(), filter.q());
    }
}
