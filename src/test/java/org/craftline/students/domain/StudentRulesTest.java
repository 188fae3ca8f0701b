package org.craftline.students.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.craftline.organisation.OrganisationApi.ClassRef;
import org.craftline.shared.Gender;
import org.junit.jupiter.api.Test;

class StudentRulesTest {

    static final StudentRules.Refs REFS = new StudentRules.Refs(
            7,
            Map.of("750107", 11L, "750106", 12L),
            Map.of("2026级玉雕艺术1班", new ClassRef(99, "2026级玉雕艺术1班", 11, "750107", 2026)));

    final List<String> errors = new ArrayList<>();

    @Test
    void aValidRowDerivesGenderAndBirthDateFromTheId() {
        ValidStudent s = check(row());
        assertThat(errors).isEmpty();
        assertThat(s.gender()).isEqualTo(Gender.FEMALE);
        assertThat(s.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(s.idNumber()).isEqualTo("11010519491231002X");
        assertThat(s.classId()).isEqualTo(99);
        assertThat(s.status()).isEqualTo(StudentStatus.ENROLLED);
        assertThat(s.household()).isEqualTo(Household.RURAL);
    }

    @Test
    void aGenderOrBirthDateThatContradictsTheIdIsAnError() {
        var row = row();
        row.put("gender", "男");
        row.put("birthDate", "1949/12/30");
        assertThat(check(row)).isNull();
        assertThat(errors).containsExactly("gender:student.gender.conflict", "birthDate:student.birthDate.conflict");
    }

    @Test
    void matchingGenderAndDateInOtherSpellingsAreAccepted() {
        var row = row();
        row.put("gender", "Female");
        row.put("birthDate", "1949年12月31日");
        row.put("status", "毕业");
        row.put("household", "非农业");
        assertThat(check(row)).isNotNull();
        assertThat(errors).isEmpty();
    }

    @Test
    void everyProblemOfARowIsNamed() {
        var row = row();
        row.put("studentNumber", "");
        row.put("idNumber", "110105194912310021");
        row.put("phone", "010-12345678");
        row.put("majorCode", "999999");
        row.put("className", "不存在的班");
        row.put("entryYear", "26");
        row.put("household", "外星");
        assertThat(check(row)).isNull();
        assertThat(errors)
                .containsExactlyInAnyOrder(
                        "studentNumber:import.row.required",
                        "idNumber:residentId.checksum",
                        "phone:phone.format",
                        "majorCode:student.major.unknown",
                        "className:student.class.unknown",
                        "entryYear:student.entryYear.invalid",
                        "household:student.household.invalid");
    }

    @Test
    void aClassOfAnotherMajorIsRefused() {
        var row = row();
        row.put("majorCode", "750106");
        assertThat(check(row)).isNull();
        assertThat(errors).containsExactly("className:student.class.major");
    }

    private ValidStudent check(Map<String, String> row) {
        return StudentRules.check(row, REFS, (field, value, key) -> errors.add(field + ":" + key));
    }

    private static Map<String, String> row() {
        Map<String, String> v = new HashMap<>();
        v.put("studentNumber", "2026010101");
        v.put("name", "张三");
        v.put("idNumber", "11010519491231002x");
        v.put("household", "农村");
        v.put("phone", "+86 138-0013-8000");
        v.put("majorCode", "750107");
        v.put("className", "2026级玉雕艺术1班");
        v.put("entryYear", "2026");
        return v;
    }
}
