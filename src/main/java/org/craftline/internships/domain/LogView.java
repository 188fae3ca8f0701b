package org.craftline.internships.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A weekly log with its photos (names and sizes; the files are downloaded one by one). */
public record LogView(
        long id,
        long internshipId,
        LocalDate weekOf,
        String body,
        OffsetDateTime submittedAt,
        String signedBy,
        OffsetDateTime signedAt,
        String reviewedBy,
        OffsetDateTime reviewedAt,
        String reviewNote,
        int version,
        List<Photo> photos) {

    /** A photo of a log: its display name, detected type and size. */
    public record Photo(long id, String name, String type, long bytes) {}

    public boolean signed() {
        return signedAt != null;
    }

    public boolean reviewed() {
        return reviewedAt != null;
    }

    LogView withPhotos(List<Photo> list) {
        return new LogView(
                id,
                internshipId,
                weekOf,
                body,
                submittedAt,
                signedBy,
                signedAt,
                reviewedBy,
                reviewedAt,
                reviewNote,
                version,
                List.copyOf(list));
    }
}
