package org.craftline.organisation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import org.craftline.organisation.domain.Forms.StaffForm;
import org.junit.jupiter.api.Test;

/** The staff form's category: what a writer names, or a teacher when it names none (the API before issue 19). */
class StaffFormTest {

    @Test
    void aFormThatNamesNoCategoryIsATeacher() {
        var form = new StaffForm("", "T9", "张三", null, null, true, false, null);
        assertThat(form.category()).isEqualTo(StaffCategory.TEACHER);
    }

    @Test
    void aNamedCategoryIsKeptAndValid() {
        var form = new StaffForm("", "X9", "李四", "科员", StaffCategory.ADMINISTRATIVE, true, true, 0);
        assertThat(form.category()).isEqualTo(StaffCategory.ADMINISTRATIVE);
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            assertThat(factory.getValidator().validate(form)).isEmpty();
        }
    }
}
