package org.craftline.talent.domain;

import java.util.Map;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each school's designation of the skill grade from which a graduate counts as a senior craftsman
 * besides the 高级工艺美术师 title; none (no row or no rank): the title only.
 */
@Service
public class TalentSettings {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final EditVersions versions;

    TalentSettings(JdbcClient jdbc, Tenancy tenancy, AuditLog audit, EditVersions versions) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.versions = versions;
    }

    /**
     * A school's designation: its code, the skill grade (null: none) and the version it was read at
     * (0 while the school never saved one); a save sends the version back and replaces the value whole.
     */
    public record Setting(String schoolCode, Grade seniorSkillGrade, Integer version) {}

    /** The designation of a school the user reads (its own when no code is given). */
    @Transactional(readOnly = true)
    public Setting of(String schoolCode) {
        var scope = tenancy.scope();
        String code = schoolCode != null && !schoolCode.isBlank() ? schoolCode.trim() : ownCode();
        if (code == null) {
            return new Setting(null, null, null);
        }
        Long schoolId = jdbc.sql("SELECT id FROM school WHERE code = :c AND " + scope.sql("id"))
                .params(scope.params())
                .param("c", code)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new org.craftline.shared.NotFoundException("school", code));
        Integer rank = rank(schoolId);
        return new Setting(
                code,
                rank == null ? null : Grade.ofRank(CertificateKind.SKILL, rank).orElse(null),
                versions.of("talent_setting", "school_id", schoolId));
    }

    @Transactional
    public Setting save(Setting setting) {
        long schoolId = tenancy.administeredSchool(setting.schoolCode());
        Grade grade = setting.seniorSkillGrade();
        if (grade != null && grade.kind() != CertificateKind.SKILL) {
            throw new InvalidFieldException("seniorSkillGrade", "talent.settings.skillOnly");
        }
        if (grade == Grade.APPRENTICE) {
            throw new InvalidFieldException("seniorSkillGrade", "talent.settings.notApprentice");
        }
        Integer before = rank(schoolId);
        int version = versions.claimWhere(
                "talent_setting",
                "school_id = :key",
                Map.of("key", schoolId),
                setting.version(),
                "talent_setting",
                String.valueOf(schoolId));
        jdbc.sql("DELETE FROM talent_setting WHERE school_id = :s")
                .param("s", schoolId)
                .update();
        jdbc.sql("INSERT INTO talent_setting (school_id, senior_skill_rank, version) VALUES (:s, :r, :v)")
                .param("s", schoolId)
                .param("r", grade == null ? null : grade.rank())
                .param("v", version)
                .update();
        audit.updated(
                "talent_setting",
                String.valueOf(schoolId),
                schoolId,
                java.util.Collections.singletonMap("seniorSkillRank", before),
                java.util.Collections.singletonMap("seniorSkillRank", grade == null ? null : grade.rank()));
        String code = jdbc.sql("SELECT code FROM school WHERE id = :s")
                .param("s", schoolId)
                .query(String.class)
                .single();
        return new Setting(code, grade, version);
    }

    private Integer rank(long schoolId) {
        var rows = jdbc.sql("SELECT senior_skill_rank FROM talent_setting WHERE school_id = :s")
                .param("s", schoolId)
                .query()
                .listOfRows();
        return rows.isEmpty() || rows.get(0).get("senior_skill_rank") == null
                ? null
                : ((Number) rows.get(0).get("senior_skill_rank")).intValue();
    }

    private String ownCode() {
        Long schoolId = tenancy.currentUser().schoolId();
        return schoolId == null
                ? null
                : jdbc.sql("SELECT code FROM school WHERE id = :s")
                        .param("s", schoolId)
                        .query(String.class)
                        .single();
    }
}
