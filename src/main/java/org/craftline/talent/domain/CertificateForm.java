package org.craftline.talent.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A certificate as typed: the holder by student number, staff number or a trainee's resident ID
 * number (exactly one; a masked number on an edit keeps the stored trainee), of the
 * school given by code (empty: the user's own school). With a date of issue the year follows it.
 */
public record CertificateForm(
        @Size(max = 10) String schoolCode,
        @Size(max = 30) String studentNumber,
        @Size(max = 20) String staffNumber,
        @Size(max = 20) String traineeIdNumber,
        @NotNull CertificateKind kind,
        @NotNull Grade grade,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 100) String issuingBody,
        @Size(max = 50) String certNumber,
        @Min(1950) @Max(2100) Integer issuedYear,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
        CertificateStatus status,
        Integer version) {

    public static CertificateForm empty() {
        return new CertificateForm(
                "",
                "",
                "",
                "",
                CertificateKind.SKILL,
                Grade.LEVEL_4,
                "",
                "",
                "",
                null,
                null,
                CertificateStatus.VALID,
                null);
    }

    public static CertificateForm of(CertificateView c) {
        return new CertificateForm(
                c.schoolCode(),
                c.studentNumber(),
                c.staffNumber(),
                c.traineeIdNumber(),
                CertificateKind.valueOf(c.kind()),
                Grade.valueOf(c.grade()),
                c.name(),
                c.issuingBody(),
                c.certNumber(),
                c.issuedYear(),
                c.issuedOn(),
                CertificateStatus.valueOf(c.status()),
                c.version());
    }
}
