package org.craftline.talent.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.ImportKind;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.Labels;
import org.craftline.shared.ResidentIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code certificates} kind: certificates of the school's students, graduates, staff and social
 * training trainees (by resident ID number, masked on export unless an administrator exports). A row
 * is the same certificate as a record with the same issuing body and number, or, without a number,
 * the same holder, kind, grade, name and issuing body; an imported row may change the rest.
 */
@Component
class CertificatesImport implements ImportKind {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-M-d");
    static final List<ImportColumn> COLUMNS = List.of(
            new ImportColumn("studentNumber", "学号", "Student number", false, "G201500012"),
            new ImportColumn("staffNumber", "工号", "Staff number", false, ""),
            new ImportColumn("traineeIdNumber", "学员身份证号", "Trainee ID number", false, ""),
            new ImportColumn("kind", "证书类别", "Kind", true, "职业技能等级证书"),
            new ImportColumn("grade", "等级", "Grade", true, "高级工"),
            new ImportColumn("name", "名称（职业/证书/称号）", "Name", true, "玉雕工"),
            new ImportColumn("issuingBody", "发证机构", "Issuing body", true, "河南省职业技能鉴定中心"),
            new ImportColumn("certNumber", "证书编号", "Certificate number", false, "S2015240000123"),
            new ImportColumn("issuedYear", "发证年份", "Year", false, "2015"),
            new ImportColumn("issuedOn", "发证日期", "Date", false, "2015-06-20"),
            new ImportColumn("status", "状态", "Status", false, "有效"));

    /** The key a certificate is matched on, for a row alias {@code x} of certificate or its staging table. */
    static String matchKey(String x) {
        return ("CASE WHEN x.cert_number IS NOT NULL THEN 'N|' || x.issuing_body || '|' || x.cert_number"
                        + " ELSE 'H|' || CASE WHEN x.student_id IS NOT NULL THEN 'S' || CAST(x.student_id AS VARCHAR(20))"
                        + " WHEN x.staff_id IS NOT NULL THEN 'T' || CAST(x.staff_id AS VARCHAR(20))"
                        + " ELSE 'R' || CAST(x.trainee_id AS VARCHAR(20)) END || '|' || x.kind || '|' || x.grade || '|'"
                        + " || x.name || '|' || x.issuing_body END")
                .replace("x.", x + ".");
    }

    static final String SAME =
            "c.student_id IS NOT DISTINCT FROM i.student_id AND c.staff_id IS NOT DISTINCT FROM i.staff_id"
                    + " AND c.trainee_id IS NOT DISTINCT FROM i.trainee_id"
                    + " AND c.kind = i.kind AND c.grade = i.grade AND c.grade_rank = i.grade_rank AND c.name = i.name"
                    + " AND c.issued_year = i.issued_year AND c.issued_on IS NOT DISTINCT FROM i.issued_on AND c.status = i.status";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    CertificatesImport(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @Override
    public String name() {
        return "certificates";
    }

    @Override
    public List<ImportColumn> columns() {
        return COLUMNS;
    }

    @Override
    public void checkImporter() {
        tenancy.administeredSchool(null);
    }

    @Override
    public ImportRun begin(Scope scope, String importKey) {
        long schoolId = tenancy.administeredSchool(null);
        Map<String, Long> students = numbers("SELECT student_number, id FROM student WHERE school_id = :s", schoolId);
        Map<String, Long> staff = numbers("SELECT staff_number, id FROM staff WHERE school_id = :s", schoolId);
        Map<String, Long> trainees = numbers("SELECT id_number, id FROM trainee WHERE school_id = :s", schoolId);
        Map<String, String> holderOfNumber = new HashMap<>();
        jdbc.sql(
                        "SELECT issuing_body, cert_number, CASE WHEN student_id IS NOT NULL THEN 'S' || CAST(student_id AS VARCHAR(20))"
                                + " WHEN staff_id IS NOT NULL THEN 'T' || CAST(staff_id AS VARCHAR(20))"
                                + " ELSE 'R' || CAST(trainee_id AS VARCHAR(20)) END FROM certificate"
                                + " WHERE school_id = :s AND cert_number IS NOT NULL")
                .param("s", schoolId)
                .query(rs -> {
                    holderOfNumber.put(rs.getString(1) + '\u0000' + rs.getString(2), rs.getString(3));
                });
        return new CertificateRows(this, importKey, schoolId, students, staff, trainees, holderOfNumber);
    }

    private Map<String, Long> numbers(String sql, long schoolId) {
        Map<String, Long> map = new HashMap<>();
        jdbc.sql(sql).param("s", schoolId).query(rs -> {
            map.put(rs.getString(1), rs.getLong(2));
        });
        return map;
    }

    /**
     * The numbers an issuing body gave to certificates of other schools: loaded once per body named in
     * a file (a file names a few), so a clash is a row error that does not say whose number it is.
     */
    Set<String> numbersElsewhere(long schoolId, String issuingBody) {
        return new HashSet<>(jdbc.sql("SELECT cert_number FROM certificate WHERE issuing_body = :b"
                        + " AND cert_number IS NOT NULL AND school_id <> :s")
                .param("b", issuingBody)
                .param("s", schoolId)
                .query(String.class)
                .list());
    }

    ImportCounts merge(String key, long schoolId, boolean apply) {
        String records =
                "(SELECT c.*, " + matchKey("c") + " AS mk FROM certificate c WHERE c.school_id = " + schoolId + ") c";
        ImportCounts counts = ImportCounts.of(
                jdbc, "certificate_import i LEFT JOIN " + records + " ON c.mk = " + matchKey("i"), "c.id", SAME, key);
        if (apply) {
            jdbc.sql("""
                            MERGE INTO certificate c
                            USING (SELECT i.*, %s AS mk FROM certificate_import i WHERE i.import_key = :k) i
                            ON (c.school_id = i.school_id AND %s = i.mk)
                            WHEN MATCHED AND NOT (%s) THEN UPDATE SET student_id = i.student_id, staff_id = i.staff_id, trainee_id = i.trainee_id,
                                 kind = i.kind, grade = i.grade, grade_rank = i.grade_rank, name = i.name,
                                 issued_year = i.issued_year, issued_on = i.issued_on, status = i.status,
                                 version = c.version + 1
                            WHEN NOT MATCHED THEN INSERT (school_id, student_id, staff_id, trainee_id, kind, grade, grade_rank, name,
                                 issuing_body, cert_number, issued_year, issued_on, status)
                                 VALUES (i.school_id, i.student_id, i.staff_id, i.trainee_id, i.kind, i.grade, i.grade_rank, i.name,
                                 i.issuing_body, i.cert_number, i.issued_year, i.issued_on, i.status)
                            """.formatted(matchKey("i"), matchKey("c"), SAME))
                    .param("k", key)
                    .update();
        }
        return counts;
    }

    @Override
    public void export(Scope scope, boolean unmasked, boolean english, Consumer<List<String>> row) {
        try (var rows = jdbc
                .sql("SELECT s.student_number, t.staff_number, tr.id_number, c.kind, c.grade, c.name, c.issuing_body,"
                        + " c.cert_number, c.issued_year, c.issued_on, c.status FROM certificate c"
                        + " LEFT JOIN student s ON s.id = c.student_id LEFT JOIN staff t ON t.id = c.staff_id"
                        + " LEFT JOIN trainee tr ON tr.id = c.trainee_id WHERE "
                        + scope.sql("c.school_id") + " ORDER BY c.school_id, c.id")
                .params(scope.params())
                .query((rs, i) -> List.of(
                        nz(rs.getString(1)),
                        nz(rs.getString(2)),
                        rs.getString(3) == null ? "" : unmasked ? rs.getString(3) : ResidentIds.mask(rs.getString(3)),
                        CertificateKind.valueOf(rs.getString(4)).label(english),
                        Grade.valueOf(rs.getString(5)).label(english),
                        rs.getString(6),
                        rs.getString(7),
                        nz(rs.getString(8)),
                        String.valueOf(rs.getInt(9)),
                        rs.getObject(10, LocalDate.class) == null
                                ? ""
                                : rs.getObject(10, LocalDate.class).toString(),
                        CertificateStatus.valueOf(rs.getString(11)).label(english)))
                .stream()) {
            rows.forEach(row);
        }
    }

    static Optional<CertificateKind> kind(String text) {
        return Labels.parse(CertificateKind.class, text, CertificateKind.labels());
    }

    static Optional<CertificateStatus> status(String text) {
        return text == null || text.isBlank()
                ? Optional.of(CertificateStatus.VALID)
                : Labels.parse(CertificateStatus.class, text, CertificateStatus.labels());
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim().replace('/', '-').replace('.', '-'), DAY);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
