package org.craftline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI description lists the query parameters a caller really sends, never a bound Java type. */
@PostgresTest
class ApiDescriptionIT {

    @Autowired
    MockMvc mvc;

    private JsonNode description;

    @BeforeEach
    void fetch() throws Exception {
        String json = mvc.perform(get("/v3/api-docs").with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        description = new JsonMapper().readTree(json);
    }

    @Test
    void noOperationAsksForAnObjectInTheQuery() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : description.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    String name = parameter.path("name").asString();
                    boolean object = parameter.path("schema").has("$ref")
                            || "object"
                                    .equals(parameter
                                            .path("schema")
                                            .path("type")
                                            .asString());
                    if (name.equals("asked")
                            || ("query".equals(parameter.path("in").asString()) && object)) {
                        wrong.add(operation.getKey() + " " + path.getKey() + " " + name);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(description.at("/components/schemas").has("Asked"))
                .as("the bound record is not described")
                .isFalse();
    }

    @Test
    void theDashboardAndComparisonListTheirRealQueryParameters() {
        assertThat(queryParameters("/api/v1/reports/dashboard"))
                .containsExactlyInAnyOrder("school", "region", "group", "year", "point", "lang");
        assertThat(queryParameters("/api/v1/reports/comparison"))
                .containsExactlyInAnyOrder("region", "group", "year", "point", "sort", "dir", "lang");
        assertThat(required("/api/v1/reports/dashboard")).isEmpty();
        assertThat(required("/api/v1/reports/comparison")).isEmpty();
        assertThat(description
                        .at("/paths/" + escape("/api/v1/reports/dashboard") + "/get/parameters/0/description")
                        .asString())
                .as("each parameter says what it means")
                .isNotBlank();
    }

    private List<String> queryParameters(String path) {
        List<String> names = new ArrayList<>();
        for (JsonNode parameter : description.at("/paths/" + escape(path) + "/get/parameters")) {
            if ("query".equals(parameter.path("in").asString())) {
                names.add(parameter.path("name").asString());
            }
        }
        return names;
    }

    private List<String> required(String path) {
        List<String> names = new ArrayList<>();
        for (JsonNode parameter : description.at("/paths/" + escape(path) + "/get/parameters")) {
            if (parameter.path("required").asBoolean(false)) {
                names.add(parameter.path("name").asString());
            }
        }
        return names;
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }
}
