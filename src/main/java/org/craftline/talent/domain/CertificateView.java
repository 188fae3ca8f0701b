package org.craftline.talent.domain;

import java.time.LocalDate;

/** A certificate as lists, pages and the API show it: the holder by name and number, never by ID number. */
public record CertificateView(
        long id,
        String schoolCode,
        String schoolName,
        String studentNumber,
        String staffNumber,
        String holderName,
        String kind,
        String grade,
        int gradeRank,
        String name,
        String issuingBody,
        String certNumber,
        int issuedYear,
        LocalDate issuedOn,
        String status) {

    public String holderNumber() {
        return studentNumber != null ? studentNumber : staffNumber;
    }
}
