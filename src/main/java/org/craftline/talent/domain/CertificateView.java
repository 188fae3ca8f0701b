package org.craftline.talent.domain;

import java.time.LocalDate;

/**
 * A certificate as lists, pages and the API show it: the holder by name and number, never by an
 * unmasked ID number (a trainee's is masked in the query).
 */
public record CertificateView(
        long id,
        String schoolCode,
        String schoolName,
        String studentNumber,
        String staffNumber,
        String traineeIdNumber,
        String holderName,
        String kind,
        String grade,
        int gradeRank,
        String name,
        String issuingBody,
        String certNumber,
        int issuedYear,
        LocalDate issuedOn,
        String status,
        int version) {

    public String holderNumber() {
        return studentNumber != null ? studentNumber : staffNumber != null ? staffNumber : traineeIdNumber;
    }
}
