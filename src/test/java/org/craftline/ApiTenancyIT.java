package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tenancy guard generated from the API description: every operation of {@code /v3/api-docs},
 * called by every demo role with its path variables naming a record of another school, answers 404
 * (or 403 where the role may not use it at all), and every change by the read-only bureau answers
 * 403. A new endpoint is covered the day it appears; one whose path variable this test cannot fill
 * fails it until {@link #FILLS} learns the variable.
 */
@PostgresTest
class ApiTenancyIT {

    /** A bureau of a region without schools: every school's records are another school's to it. */
    static final String FAR_BUREAU = "tenancy-far-bureau";
    /** A teacher of the other school, the target of the school-account operations. */
    static final String OTHER_TEACHER = "tenancy-nx-teacher";

    static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");
    static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * What a path variable (keyed by the segment before it and its name, or its name alone) names
     * in the other school: the SQL that finds it (bound to {@code :school}, the other school's id,
     * and {@code :own}, the demo users' school), or a plain value, and what kind of thing it is.
     */
    static final Map<String, Fill> FILLS = new LinkedHashMap<>();

    static {
        record("classes/{id}", "SELECT id FROM school_class WHERE school_id = :school");
        record("staff/{id}", "SELECT id FROM staff WHERE school_id = :school");
        record("students/{id}", "SELECT id FROM student WHERE school_id = :school");
        record("guardians/{id}", "SELECT id FROM guardian WHERE school_id = :school");
        record("hardships/{id}", "SELECT id FROM hardship_recognition WHERE school_id = :school");
        record("disbursements/{id}", "SELECT id FROM aid_disbursement WHERE school_id = :school");
        record("schools/{code}", "SELECT code FROM school WHERE id = :school");
        record("school", "SELECT code FROM school WHERE id = :school");
        // course, item and term codes are unique per school only: take one the own school lacks
        record("courses/{code}", """
                SELECT c.code FROM course c JOIN practical_item i ON i.course_id = c.id
                JOIN practical_requirement r ON r.item_id = i.id WHERE c.school_id = :school AND c.code NOT IN (SELECT code FROM course WHERE school_id = :own)""");
        record(
                "items/{itemCode}",
                "SELECT i.code FROM practical_item i WHERE i.course_id = "
                        + "(SELECT id FROM course WHERE school_id = :school AND code = :courses_code)");
        record("requirements/{itemCode}", """
                SELECT i.code FROM practical_requirement r JOIN practical_item i ON i.id = r.item_id
                WHERE i.course_id = (SELECT id FROM course WHERE school_id = :school AND code = :courses_code)""");
        record("{term}", """
                SELECT r.term FROM practical_requirement r JOIN practical_item i ON i.id = r.item_id
                WHERE i.course_id = (SELECT id FROM course WHERE school_id = :school AND code = :courses_code)
                AND i.code = :requirements_itemCode""");
        record("workshops/{id}", "SELECT id FROM workshop WHERE school_id = :school");
        record("sessions/{id}", "SELECT id FROM training_session WHERE school_id = :school");
        record("programmes/{id}", "SELECT id FROM programme WHERE school_id = :school");
        record(
                "cohorts/{code}",
                "SELECT code FROM cohort WHERE school_id = :school"
                        + " AND code NOT IN (SELECT code FROM cohort WHERE school_id = :own)");
        record("enrolments/{id}", "SELECT id FROM enrolment WHERE school_id = :school");
        record("trainees/{id}", "SELECT id FROM trainee WHERE school_id = :school");
        record("honours/{id}", "SELECT id FROM honour WHERE school_id = :school AND certificate_path IS NOT NULL");
        record(
                "projects/{id}",
                "SELECT p.id FROM funded_project p WHERE p.school_id = :school"
                        + " AND EXISTS (SELECT 1 FROM expenditure e WHERE e.project_id = p.id)");
        record("expenditures/{entry}", "SELECT id FROM expenditure WHERE project_id = :projects_id");
        record("graduates/{studentId}", "SELECT student_id FROM destination WHERE school_id = :school");
        record(
                "masters/{studentNumber}",
                "SELECT student_number FROM student WHERE school_id = :school"
                        + " AND student_number NOT IN (SELECT student_number FROM student WHERE school_id = :own)");
        record("apprenticeships/{id}", "SELECT id FROM apprenticeship WHERE school_id = :school");
        record("certificates/{id}", "SELECT id FROM certificate WHERE school_id = :school");
        record(
                "cooperations/{id}",
                "SELECT id FROM cooperation WHERE school_id = :school AND document_path IS NOT NULL");
        record(
                "internships/{id}",
                "SELECT id FROM internship WHERE school_id = :school AND agreement_path IS NOT NULL"
                        + " AND consent_path IS NOT NULL");
        record("logs/{logId}", "SELECT id FROM internship_log WHERE internship_id = :internships_id");
        record("photos/{photoId}", "SELECT id FROM internship_log_photo WHERE log_id = :logs_logId");
        record("incidents/{incidentId}", "SELECT id FROM internship_incident WHERE internship_id = :internships_id");
        record("applications/{id}", "SELECT id FROM job_application WHERE school_id = :school");
        record("fairs/{id}", "SELECT id FROM job_fair WHERE school_id = :school");
        record("follow-up-rounds/{id}", "SELECT id FROM follow_up_round WHERE school_id = :school");
        record(
                "follow-up-answers/{id}",
                "SELECT id FROM follow_up_request WHERE school_id = :school AND answered_at IS NOT NULL"
                        + " AND confirmed_at IS NULL");
        record("employer-surveys/{id}", "SELECT id FROM employer_survey WHERE school_id = :school");
        // a unit's own request: another school's, and not the caller's unit in any case
        record("employer-ratings/{id}", "SELECT id FROM employer_rating WHERE school_id = :school");
        record("users/{username}", "SELECT username FROM app_user WHERE username = '" + OTHER_TEACHER + "'");
        // shared records (the region tree, the catalogue of majors, the enterprise registry and
        // its groups): no school owns them; only the operator changes them
        FILLS.put("regions/{code}", new Fill(Owner.SHARED, null, "411325"));
        FILLS.put("majors/{code}", new Fill(Owner.SHARED, "SELECT code FROM major", null));
        FILLS.put("enterprises/{id}", new Fill(Owner.SHARED, "SELECT id FROM enterprise", null));
        FILLS.put("groups/{id}", new Fill(Owner.SHARED, "SELECT id FROM edu_group", null));
        // the cluster's postings: every school user reads them; only their unit (or the school that
        // published one for a unit without an account) changes them; the demo user "enterprise" has a
        // unit of its own, so the posting is another unit's
        FILLS.put(
                "postings/{id}",
                new Fill(
                        Owner.SHARED,
                        "SELECT id FROM posting WHERE enterprise_id <> COALESCE((SELECT enterprise_id FROM app_user"
                                + " WHERE username = 'enterprise'), -1)",
                        null));
        // not records at all: what a user's own school has of a kind, or a point of a timeline
        FILLS.put("{kind}", new Fill(Owner.NONE, null, "students"));
        FILLS.put("{point}", new Fill(Owner.NONE, null, "AT_GRADUATION"));
        FILLS.put("{which}", new Fill(Owner.NONE, null, "agreement"));
        // a posting is the cluster's, not a school's: its recommendations are of the reader's own
        // school's students only (RecommendationsIT); a saved search is the signed-in student's own
        FILLS.put("postings/{postingId}", new Fill(Owner.NONE, null, "1"));
        FILLS.put("searches/{searchId}", new Fill(Owner.NONE, null, "1"));
        FILLS.put(
                "cohorts/{year}",
                new Fill(Owner.NONE, "SELECT MAX(graduation_year) FROM destination WHERE school_id = :school", null));
    }

    /** Query parameters naming a school: always the other school's code, required or not. */
    static final Set<String> SCHOOL_PARAMETERS = Set.of("school");
    /** Body fields naming a school: the other school's code where the record does not say. */
    static final Set<String> SCHOOL_FIELDS = Set.of("schoolCode");

    /** Operations on the signed-in user's own account, not on school records: every role may call them. */
    static final Set<String> OWN_ACCOUNT = Set.of(
            "POST /api/v1/me/password",
            // its own inbox: marking its notifications read, the kinds it receives
            "POST /api/v1/me/notifications/read",
            "PUT /api/v1/me/notification-settings",
            // its own address for notifications by email
            "PUT /api/v1/me/email");

    /**
     * Writes on a shared record that are allowed to the caller: a school hides a posting from its own
     * students (its setting, not the posting's); a student applies for itself; a school user records
     * a unit's staff count.
     */
    static final Map<String, Set<String>> OWN_WRITES_ON_SHARED = Map.of(
            "POST /api/v1/postings/{id}/hide", Set.of(TestUsers.SCHOOL_ADMIN, TestUsers.STAFF),
            "DELETE /api/v1/postings/{id}/hide", Set.of(TestUsers.SCHOOL_ADMIN, TestUsers.STAFF),
            "POST /api/v1/postings/{id}/applications", Set.of("student"),
            // a school user records a registry unit's current staff (the internship share rule needs it)
            "PUT /api/v1/enterprises/{id}/staff-count", Set.of(TestUsers.SCHOOL_ADMIN, TestUsers.STAFF));

    enum Owner {
        SCHOOL,
        SHARED,
        NONE
    }

    record Fill(Owner owner, String sql, String value) {}

    record Role(String username, boolean readsTheOtherSchool, boolean readOnly) {}

    static final List<Role> ROLES = List.of(
            new Role(TestUsers.ADMIN, true, false),
            new Role(TestUsers.SCHOOL_ADMIN, false, false),
            new Role(TestUsers.STAFF, false, false),
            new Role(TestUsers.BUREAU, true, true),
            new Role(FAR_BUREAU, false, true),
            new Role(TestUsers.ENTERPRISE, false, false),
            new Role("student", false, false));

    record Operation(String method, String path, JsonNode spec) {
        String name() {
            return method.toUpperCase() + " " + path;
        }

        boolean write() {
            return WRITES.contains(method);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ApplicationProperties properties;

    long otherSchool;
    String otherSchoolName;
    String lastBody = "";
    long ownSchool;

    @BeforeEach
    void usersOfAnotherRegionAndOfTheOtherSchool() throws Exception {
        otherSchool = schoolId(TestUsers.NEIXIANG);
        ownSchool = schoolId(TestUsers.ZHENPING);
        otherSchoolName = jdbc.sql("SELECT name FROM school WHERE id = :s")
                .param("s", otherSchool)
                .query(String.class)
                .single();
        jdbc.sql("""
                        INSERT INTO region (code, name, name_en, level, parent_id, path)
                        SELECT '419999', '测试市', 'Test City', 'CITY', (SELECT id FROM region WHERE code = '410000'),
                               '/410000/419999/'
                        WHERE NOT EXISTS (SELECT 1 FROM region WHERE code = '419999')""").update();
        insertUser(FAR_BUREAU, "BUREAU", null, "(SELECT id FROM region WHERE code = '419999')");
        insertUser(OTHER_TEACHER, "STAFF", otherSchool, "NULL");
        storedFilesOfTheOtherSchool();
        placementOfTheOtherSchool();
        recordsOfTheOtherSchoolsPlacement();
        applicationOfTheOtherSchool();
        fairOfTheOtherSchool();
    }

    /** A weekly log with a photo and an incident on the other school's placement. */
    private void recordsOfTheOtherSchoolsPlacement() throws Exception {
        long placement = jdbc.sql("SELECT MIN(id) FROM internship WHERE school_id = :s AND consent_path IS NOT NULL")
                .param("s", otherSchool)
                .query(Long.class)
                .single();
        if (jdbc.sql("SELECT COUNT(*) FROM internship_log WHERE internship_id = :i")
                        .param("i", placement)
                        .query(Long.class)
                        .single()
                == 0) {
            jdbc.sql("INSERT INTO internship_log (internship_id, week_of, body, submitted_at)"
                            + " VALUES (:i, DATE '2027-03-01', 'tenancy test', CURRENT_TIMESTAMP)")
                    .param("i", placement)
                    .update();
            jdbc.sql(
                            "INSERT INTO internship_log_photo (log_id, photo_name, photo_type, photo_path, bytes)"
                                    + " SELECT MIN(id), 'p.png', 'image/png', :p, 16 FROM internship_log WHERE internship_id = :i")
                    .param("i", placement)
                    .param("p", storedFile("internships"))
                    .update();
            jdbc.sql(
                            "INSERT INTO internship_incident (internship_id, kind, occurred_on, description, recorded_by,"
                                    + " recorded_at) VALUES (:i, 'OTHER', DATE '2027-03-02', 'tenancy test', 'x', CURRENT_TIMESTAMP)")
                    .param("i", placement)
                    .update();
        }
    }

    /** A posting the other school published for a unit without an account, and its student's application. */
    private void applicationOfTheOtherSchool() {
        if (jdbc.sql("SELECT COUNT(*) FROM job_application WHERE school_id = :s")
                        .param("s", otherSchool)
                        .query(Long.class)
                        .single()
                == 0) {
            jdbc.sql("""
                            INSERT INTO posting (enterprise_id, school_id, kind, position, headcount, deadline, published_by,
                              created_at)
                            SELECT MAX(id), :s, 'JOB', 'tenancy test', 1, DATE '2099-12-31', 'x', CURRENT_TIMESTAMP
                            FROM enterprise WHERE id NOT IN (SELECT enterprise_id FROM app_user WHERE enterprise_id IS NOT NULL)""").param("s", otherSchool).update();
            jdbc.sql("""
                            INSERT INTO job_application (posting_id, student_id, school_id, stage, stage_on, applied_at)
                            SELECT (SELECT MAX(id) FROM posting WHERE school_id = :s), MIN(id), :s, 'APPLIED',
                              DATE '2026-01-01', CURRENT_TIMESTAMP FROM student WHERE school_id = :s""").param("s", otherSchool).update();
        }
    }

    /** A job fair of the other school with a unit at a booth, for the fair operations. */
    private void fairOfTheOtherSchool() {
        if (jdbc.sql("SELECT COUNT(*) FROM job_fair WHERE school_id = :s")
                        .param("s", otherSchool)
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO job_fair (school_id, name, held_on, place, status, created_by, created_at)
                        VALUES (:s, 'tenancy test fair', DATE '2027-04-15', 'hall', 'PLANNED', 'tenancy', CURRENT_TIMESTAMP)""").param("s", otherSchool).update();
        jdbc.sql("""
                        INSERT INTO job_fair_unit (fair_id, enterprise_id, booth, added_by, added_at)
                        SELECT MAX(f.id), (SELECT MIN(id) FROM enterprise), 'T1', 'tenancy', CURRENT_TIMESTAMP
                        FROM job_fair f WHERE f.school_id = :s""").param("s", otherSchool).update();
    }

    /** The demo stores no files: give the other school a signed agreement and a certificate scan. */
    private void storedFilesOfTheOtherSchool() throws Exception {
        if (jdbc.sql("SELECT COUNT(*) FROM cooperation WHERE school_id = :s AND document_path IS NOT NULL")
                        .param("s", otherSchool)
                        .query(Long.class)
                        .single()
                == 0) {
            jdbc.sql("""
                            INSERT INTO cooperation (school_id, enterprise_id, type, starts_on, note,
                                                     document_name, document_type, document_path, created_at)
                            SELECT :s, MIN(id), 'INTERNSHIP_BASE', DATE '2024-09-01', 'tenancy test',
                                   'agreement.pdf', 'application/pdf', :p, CURRENT_TIMESTAMP FROM enterprise""")
                    .param("s", otherSchool)
                    .param("p", storedFile("documents"))
                    .update();
        }
        jdbc.sql("""
                        UPDATE honour SET certificate_name = 'certificate.pdf', certificate_type = 'application/pdf',
                                          certificate_path = :p
                        WHERE id = (SELECT MIN(id) FROM honour WHERE school_id = :s) AND certificate_path IS NULL""").param("s", otherSchool).param("p", storedFile("honours")).update();
    }

    /** A placement of the other school with its signed files, for the internship operations. */
    private void placementOfTheOtherSchool() throws Exception {
        if (jdbc.sql("SELECT COUNT(*) FROM internship WHERE school_id = :s AND consent_path IS NOT NULL")
                        .param("s", otherSchool)
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO internship (school_id, student_id, enterprise_id, kind, post, post_headcount, matched,
                          starts_on, ends_on, supervisor_id, mentor_name, mentor_phone, hours_per_day, days_per_week,
                          night_shifts, overtime, public_holidays, monthly_pay, post_wage, insurer, policy_number,
                          insured_from, insured_to, agreement_name, agreement_type, agreement_path, minor,
                          guardian_name, consent_name, consent_type, consent_path, status, created_at)
                        SELECT :s, (SELECT MIN(id) FROM student WHERE school_id = :s), (SELECT MIN(id) FROM enterprise),
                          'POST', 'tenancy test', 10, FALSE, DATE '2027-03-01', DATE '2027-06-30',
                          (SELECT MIN(id) FROM staff WHERE school_id = :s), 'mentor', '13800001234', 8, 5, FALSE, FALSE,
                          FALSE, 2800, 2800, 'insurer', 'P-1', DATE '2027-03-01', DATE '2027-06-30', 'agreement.pdf',
                          'application/pdf', :a, TRUE, 'guardian', 'consent.pdf', 'application/pdf', :c, 'PLANNED',
                          CURRENT_TIMESTAMP""")
                .param("s", otherSchool)
                .param("a", storedFile("internships"))
                .param("c", storedFile("internships"))
                .update();
    }

    private String storedFile(String folder) throws Exception {
        String path = folder + "/" + UUID.randomUUID();
        Path file = properties.dataDir().resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        return path;
    }

    @Test
    void everyOperationRefusesEveryRoleTheRecordsOfAnotherSchool() throws Exception {
        JsonNode docs = JSON.readTree(mvc.perform(
                        request(HttpMethod.GET, "/v3/api-docs").with(user(users.loadUserByUsername(TestUsers.ADMIN))))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        List<Operation> operations = operations(docs);
        assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(50);

        List<String> failures = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        for (Operation op : operations) {
            Map<String, Object> values = new LinkedHashMap<>();
            Owner owner;
            try {
                owner = fill(op, values);
            } catch (IllegalStateException e) {
                failures.add(op.name() + ": " + e.getMessage());
                continue;
            }
            for (Role role : ROLES) {
                String verdict = check(docs, op, owner, values, role);
                if (verdict == null) {
                    continue;
                }
                (verdict.startsWith(" ok") ? passed : failures).add(op.name() + " as " + role.username() + verdict);
            }
        }
        Files.writeString(
                Path.of("target", "api-tenancy.txt"),
                operations.size() + " operations; " + passed.size() + " operation x role checks passed, "
                        + failures.size() + " failed\n\nFAILED\n" + String.join("\n", failures) + "\n\nPASSED\n"
                        + String.join("\n", passed) + "\n");
        System.out.println("API tenancy: " + operations.size() + " operations, " + passed.size()
                + " operation x role checks passed, " + failures.size() + " failed (target/api-tenancy.txt)");
        assertThat(failures).as("see target/api-tenancy.txt").isEmpty();
        assertThat(passed).hasSizeGreaterThan(operations.size());
    }

    /**
     * Calls the operation as the role and judges the answer: null when nothing is asked of this
     * pair, " ok" and the status when it passed, the reason when it failed.
     */
    private String check(JsonNode docs, Operation op, Owner owner, Map<String, Object> values, Role role)
            throws Exception {
        boolean ownAccount = OWN_ACCOUNT.contains(op.name());
        boolean givenByQuery = pathOwner(op) != Owner.SCHOOL;
        boolean readOnlyWrite = role.readOnly() && op.write() && !ownAccount;
        boolean crossSchool = owner == Owner.SCHOOL && !role.readsTheOtherSchool();
        boolean ownWrite =
                OWN_WRITES_ON_SHARED.getOrDefault(op.name(), Set.of()).contains(role.username());
        boolean sharedWrite =
                owner == Owner.SHARED && op.write() && !role.username().equals(TestUsers.ADMIN) && !ownWrite;
        boolean operatorRead = owner == Owner.SCHOOL && role.username().equals(TestUsers.ADMIN) && !op.write();
        if (!readOnlyWrite && !crossSchool && !sharedWrite && !operatorRead) {
            return null;
        }
        MockHttpServletResponse response = call(docs, op, values, role);
        int status = response.getStatus();
        String ok = " ok " + status;
        String answer = " -> " + status + " " + abbreviate(response.getContentAsString(StandardCharsets.UTF_8))
                + (status == 400 ? " to the body " + lastBody : "");
        if (operatorRead) {
            // the control: the operator reads the record, so the others' 404 is about tenancy
            return status >= 200 && status < 300 ? ok : answer + " (the operator cannot read the fixture)";
        }
        if (readOnlyWrite) {
            return status == 403 ? ok : answer + " (a change by a role that may not change this: 403 expected)";
        }
        if (sharedWrite) {
            // a shared record its role does not even read (another unit's posting to an enterprise user) is 404
            return status == 403 || status == 404
                    ? ok
                    : answer + " (a change by a role that may not change this: 403 or 404 expected)";
        }
        if (status == 404 || status == 403 || refusedTheSchool(response)) {
            return ok;
        }
        if (givenByQuery && status >= 200 && status < 300 && !showsTheOtherSchool(response)) {
            return ok;
        }
        return status >= 200 && status < 300
                ? answer + " LEAK: another school's record answered"
                : answer + " (404 or 403 expected)";
    }

    /** The refusal of a school outside the user's scope named in a parameter or field (Tenancy.administeredSchool). */
    private static boolean refusedTheSchool(MockHttpServletResponse response) throws Exception {
        if (response.getStatus() != 400) {
            return false;
        }
        JsonNode problem = json(response);
        for (JsonNode error : problem.path("errors")) {
            if (!Set.of("school", "schoolCode").contains(error.path("field").asString())) {
                return false;
            }
        }
        return !problem.path("errors").isEmpty();
    }

    /** Whether an answer carries the other school's code or name. */
    private boolean showsTheOtherSchool(MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        return body.contains(TestUsers.NEIXIANG) || body.contains(otherSchoolName);
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        try {
            return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        } catch (tools.jackson.core.JacksonException e) {
            return JSON.missingNode();
        }
    }

    private MockHttpServletResponse call(JsonNode docs, Operation op, Map<String, Object> values, Role role)
            throws Exception {
        String uri = expand(op.path(), values);
        lastBody = "";
        AbstractMockHttpServletRequestBuilder<?> request;
        JsonNode content = op.spec().path("requestBody").path("content");
        if (content.has(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            request = multipart(HttpMethod.valueOf(op.method().toUpperCase()), uri)
                    .file(new MockMultipartFile(
                            multipartName(docs, content), "x.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes()));
        } else {
            request = request(HttpMethod.valueOf(op.method().toUpperCase()), uri);
            if (content.has(MediaType.APPLICATION_JSON_VALUE)) {
                JsonNode schema = content.path(MediaType.APPLICATION_JSON_VALUE).path("schema");
                lastBody = JSON.writeValueAsString(body(docs, op, schema, uri));
                request.contentType(MediaType.APPLICATION_JSON).content(lastBody);
            }
        }
        for (JsonNode parameter : op.spec().path("parameters")) {
            String name = parameter.path("name").asString();
            if (parameter.path("in").asString().equals("query")
                    && (parameter.path("required").asBoolean() || values.containsKey(name))) {
                request.param(name, String.valueOf(values.getOrDefault(name, example(docs, parameter.path("schema")))));
            }
        }
        request.with(user(users.loadUserByUsername(role.username()))).accept(MediaType.APPLICATION_JSON);
        return mvc.perform(request).andReturn().getResponse();
    }

    /**
     * A body the operation's validation accepts, so that a refusal is about who asks, not what:
     * the record as the operator reads it where the operation has a GET twin, generated values for
     * the rest of the schema.
     */
    private JsonNode body(JsonNode docs, Operation op, JsonNode schema, String uri) throws Exception {
        JsonNode current = null;
        if (op.method().equals("put") && docs.path("paths").path(op.path()).has("get")) {
            String read = mvc.perform(request(HttpMethod.GET, uri)
                            .with(user(users.loadUserByUsername(TestUsers.ADMIN)))
                            .accept(MediaType.APPLICATION_JSON))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            current = read.isBlank() ? null : JSON.readTree(read);
        }
        return sample(docs, schema, current, 0);
    }

    private JsonNode sample(JsonNode docs, JsonNode schema, JsonNode current, int depth) {
        schema = resolve(docs, schema);
        if (schema.path("type").asString().equals("array") && current != null && !current.isArray()) {
            current = null; // a read may show a list as text (a posting's "750107,750106"); the write takes a list
        }
        if (current != null && !current.isNull() && !current.isObject()) {
            // as the description types it: a read may show a number that the write takes as text
            return schema.path("type").asString().equals("string") && current.isNumber()
                    ? JSON.valueToTree(current.asString())
                    : current;
        }
        if (schema.path("type").asString().equals("object") || schema.has("properties")) {
            ObjectNode node = JSON.createObjectNode();
            if (depth > 4) {
                return node;
            }
            current = matching(schema, current);
            for (var property : schema.path("properties").properties()) {
                JsonNode known = current == null ? null : current.get(property.getKey());
                if (known == null && SCHOOL_FIELDS.contains(property.getKey())) {
                    known = JSON.valueToTree(TestUsers.NEIXIANG);
                }
                node.set(property.getKey(), sample(docs, property.getValue(), known, depth + 1));
            }
            return node;
        }
        if (schema.path("type").asString().equals("array")) {
            return JSON.createArrayNode();
        }
        return JSON.valueToTree(example(docs, schema));
    }

    /** The record itself where a read wraps it (e.g. {"school": {...}, "majors": [...]}). */
    private static JsonNode matching(JsonNode schema, JsonNode current) {
        if (current == null || !current.isObject()) {
            return current;
        }
        JsonNode best = current;
        long bestOverlap = overlap(schema, current);
        for (JsonNode child : current) {
            if (child.isObject() && overlap(schema, child) > bestOverlap) {
                best = child;
                bestOverlap = overlap(schema, child);
            }
        }
        return best;
    }

    private static long overlap(JsonNode schema, JsonNode node) {
        return schema.path("properties").propertyNames().stream()
                .filter(node::has)
                .count();
    }

    private Object example(JsonNode docs, JsonNode schema) {
        schema = resolve(docs, schema);
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asString();
        }
        return switch (schema.path("type").asString()) {
            case "integer" -> Math.max(1, schema.path("minimum").asLong(1));
            case "number" -> 1;
            case "boolean" -> false;
            default ->
                switch (schema.path("format").asString()) {
                    case "date" -> "2024-09-01";
                    case "date-time" -> "2024-09-01T08:00:00Z";
                    default -> "x";
                };
        };
    }

    private static JsonNode resolve(JsonNode docs, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return docs.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    private static String multipartName(JsonNode docs, JsonNode content) {
        JsonNode schema =
                resolve(docs, content.path(MediaType.MULTIPART_FORM_DATA_VALUE).path("schema"));
        return schema.path("properties").propertyNames().iterator().next();
    }

    /**
     * Finds a value for every path variable (and required query parameter naming a school) of the
     * operation, and tells whose record the operation is about. Fails on a variable it cannot fill.
     */
    private Owner fill(Operation op, Map<String, Object> values) {
        Owner owner = Owner.NONE;
        String[] segments = op.path().split("/");
        for (int i = 1; i < segments.length; i++) {
            Matcher m = VARIABLE.matcher(segments[i]);
            if (!m.matches()) {
                continue;
            }
            String key = segments[i - 1] + "/" + segments[i];
            Fill fill = FILLS.containsKey(key) ? FILLS.get(key) : FILLS.get(segments[i]);
            if (fill == null) {
                throw new IllegalStateException(
                        "no value of another school for path variable " + key + ": add it to ApiTenancyIT.FILLS");
            }
            Object value = value(fill, key, values);
            values.put(m.group(1), value);
            values.put(key.replaceAll("[{}]", "").replace('/', '_'), value);
            owner = stronger(owner, fill.owner());
        }
        for (JsonNode parameter : op.spec().path("parameters")) {
            String name = parameter.path("name").asString();
            if (parameter.path("in").asString().equals("query") && SCHOOL_PARAMETERS.contains(name)) {
                values.put(name, value(FILLS.get(name), name, values));
                owner = stronger(owner, FILLS.get(name).owner());
            }
        }
        return owner;
    }

    private Object value(Fill fill, String key, Map<String, Object> values) {
        if (fill.sql() == null) {
            return fill.value();
        }
        var statement = jdbc.sql(fill.sql() + " ORDER BY 1 FETCH FIRST 1 ROWS ONLY");
        for (String name : List.of(
                "school",
                "own",
                "courses_code",
                "requirements_itemCode",
                "projects_id",
                "internships_id",
                "logs_logId")) {
            if (fill.sql().contains(":" + name)) {
                statement = statement.param(
                        name, name.equals("school") ? otherSchool : name.equals("own") ? ownSchool : values.get(name));
            }
        }
        List<Object> found = statement.query((rs, i) -> rs.getObject(1)).list();
        if (found.isEmpty() || found.get(0) == null) {
            throw new IllegalStateException("the other school has no record for " + key + " (" + fill.sql() + ")");
        }
        return found.get(0);
    }

    private static Owner pathOwner(Operation op) {
        Owner owner = Owner.NONE;
        String[] segments = op.path().split("/");
        for (int i = 1; i < segments.length; i++) {
            Fill fill = FILLS.getOrDefault(segments[i - 1] + "/" + segments[i], FILLS.get(segments[i]));
            owner = fill == null ? owner : stronger(owner, fill.owner());
        }
        return owner;
    }

    private static Owner stronger(Owner a, Owner b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    private static void record(String key, String sql) {
        FILLS.put(key, new Fill(Owner.SCHOOL, sql, null));
    }

    private static List<Operation> operations(JsonNode docs) {
        List<Operation> operations = new ArrayList<>();
        for (var path : docs.path("paths").properties()) {
            for (var method : path.getValue().properties()) {
                operations.add(new Operation(method.getKey(), path.getKey(), method.getValue()));
            }
        }
        return operations;
    }

    private static String expand(String path, Map<String, Object> values) {
        Matcher m = VARIABLE.matcher(path);
        StringBuilder uri = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(uri, Matcher.quoteReplacement(String.valueOf(values.get(m.group(1)))));
        }
        return m.appendTail(uri).toString();
    }

    private long schoolId(String code) {
        return jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private void insertUser(String username, String role, Long school, String regionSql) {
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, school_id, region_id,
                                              enabled, created_at)
                        SELECT :u, :u, '{noop}unused-password', :r, %s, %s, TRUE, CURRENT_TIMESTAMP
                        WHERE NOT EXISTS (SELECT 1 FROM app_user WHERE username = :u)""".formatted(school == null ? "NULL" : school.toString(), regionSql))
                .param("u", username)
                .param("r", role)
                .update();
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }
}
