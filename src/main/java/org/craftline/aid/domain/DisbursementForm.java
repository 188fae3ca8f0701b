package org.craftline.aid.domain;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * An entry of the aid ledger: what was waived or paid to a student for a term, in exact yuan, under a
 * voucher number (the entry's key). A grant is paid to a bank card; a waiver needs none.
 */
public record DisbursementForm(
        @Size(max = 10) String schoolCode,
        @NotBlank @Size(max = 30) String studentNumber,
        @NotBlank @Size(max = 11) String term,
        @NotNull AidKind kind,

        @NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2)
        BigDecimal amount,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate paidOn,

        @Size(max = 30) String bankCard,
        @NotBlank @Size(max = 30) String voucherNo,
        @Size(max = 500) String note) {

    public static DisbursementForm empty(String term, LocalDate today) {
        return new DisbursementForm(null, "", term, null, null, today, "", "", "");
    }
}
