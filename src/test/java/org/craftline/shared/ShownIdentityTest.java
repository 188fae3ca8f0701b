package org.craftline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ShownIdentityTest {

    static final String ID = "11010519491231002X";
    static final LocalDate BIRTH = LocalDate.of(1949, 12, 31);

    @Test
    void aMaskedNumberGoesWithTheBirthYearOnly() {
        ShownIdentity shown = ShownIdentity.of(ID, BIRTH, false);
        assertThat(shown.idNumber()).isEqualTo("1101**********002X");
        assertThat(shown.birthDate()).isNull();
        assertThat(shown.birth()).isEqualTo("1949");
    }

    @Test
    void theFullNumberGoesWithTheFullDate() {
        ShownIdentity shown = ShownIdentity.of(ID, BIRTH, true);
        assertThat(shown.idNumber()).isEqualTo(ID);
        assertThat(shown.birth()).isEqualTo("1949-12-31");
    }

    @Test
    void aTypedBirthDateKeepsItsYear() {
        assertThat(ShownIdentity.maskTypedBirthDate("1949-12-31")).isEqualTo("1949-**-**");
        assertThat(ShownIdentity.maskTypedBirthDate("1949年12月31日")).isEqualTo("1949年**月**日");
        assertThat(ShownIdentity.maskTypedBirthDate("19491231")).isEqualTo("1949****");
        assertThat(ShownIdentity.maskTypedBirthDate("")).isEmpty();
    }
}
