package org.craftline.organisation.domain;

import java.util.List;
import java.util.Map;
import org.craftline.organisation.domain.Forms.RegionForm;
import org.craftline.organisation.domain.Views.RegionView;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** Regions, shared by all schools: readable by every organisation reader, changed by the operator. */
@Service
public class Regions {

    private static final String SELECT =
            "r.id, r.code, r.name, r.name_en, r.level, p.code AS parent_code," + " p.name AS parent_name, r.version";
    private static final String FROM = "region r LEFT JOIN region p ON p.id = r.parent_id";

    private final JdbcClient jdbc;
    private final OrganisationAccess access;
    private final AuditLog audit;
    private final EditVersions versions;

    Regions(JdbcClient jdbc, OrganisationAccess access, AuditLog audit, EditVersions versions) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.versions = versions;
    }

    @Transactional(readOnly = true)
    public Paged<RegionView> list(String q, RegionLevel level, String parentCode, PageQuery page) {
        Where where = Where.of("1 = 1", Map.of())
                .and("r.level = :level", "level", level == null ? null : level.name())
                .and("p.code = :parent", "parent", parentCode)
                .contains(q, "r.code", "r.name", "r.name_en");
        return SqlPages.fetch(jdbc, SELECT, FROM, where, "r.path", page, RegionView.class);
    }

    @Transactional(readOnly = true)
    public RegionView get(String code) {
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE r.code = :code")
                .param("code", code)
                .query(RegionView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("region", code));
    }

    @Transactional(readOnly = true)
    public List<RegionView> children(String code) {
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE p.code = :code ORDER BY r.code")
                .param("code", code)
                .query(RegionView.class)
                .list();
    }

    @Transactional
    public RegionView create(RegionForm form) {
        access.checkWriteShared();
        if (jdbc.sql("SELECT COUNT(*) FROM region WHERE code = :c")
                        .param("c", form.code())
                        .query(Long.class)
                        .single()
                > 0) {
            throw new ConflictException("region.code.taken", "code", form.code());
        }
        String parentPath = "/";
        Long parentId = null;
        if (StringUtils.hasText(form.parentCode())) {
            RegionView parent = get(form.parentCode());
            if (parent.level().ordinal() >= form.level().ordinal()) {
                throw new InvalidFieldException("parentCode", "region.parent.level");
            }
            parentId = parent.id();
            parentPath = jdbc.sql("SELECT path FROM region WHERE id = :id")
                    .param("id", parentId)
                    .query(String.class)
                    .single();
        } else if (form.level() != RegionLevel.PROVINCE) {
            throw new InvalidFieldException("parentCode", "region.parent.required");
        }
        jdbc.sql(
                        "INSERT INTO region (code, name, name_en, level, parent_id, path) VALUES (:code, :name, :nameEn, :level, :parent, :path)")
                .param("code", form.code())
                .param("name", form.name().trim())
                .param("nameEn", trim(form.nameEn()))
                .param("level", form.level().name())
                .param("parent", parentId)
                .param("path", parentPath + form.code() + "/")
                .update();
        RegionView created = get(form.code());
        audit.created("region", form.code(), null, created);
        return created;
    }

    /** Renames a region; its code, level and parent are fixed once schools hang below it. */
    @Transactional
    public RegionView update(String code, RegionForm form) {
        access.checkWriteShared();
        RegionView before = get(code);
        versions.claim("region", before.id(), form.version(), "region", code);
        jdbc.sql("UPDATE region SET name = :name, name_en = :nameEn WHERE code = :code")
                .param("name", form.name().trim())
                .param("nameEn", trim(form.nameEn()))
                .param("code", code)
                .update();
        RegionView after = get(code);
        audit.updated("region", code, null, before, after);
        return after;
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
