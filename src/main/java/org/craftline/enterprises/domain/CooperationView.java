package org.craftline.enterprises.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A cooperation agreement as lists, pages and the API show it, with the version a document
 * replacement sends back; where its document lies stays inside.
 */
public record CooperationView(
        long id,
        String schoolCode,
        String schoolName,
        long enterpriseId,
        String enterpriseName,
        String type,
        LocalDate startsOn,
        LocalDate endsOn,
        String note,
        String documentName,
        String documentType,
        OffsetDateTime createdAt,
        int version) {

    public boolean hasDocument() {
        return documentType != null;
    }
}
