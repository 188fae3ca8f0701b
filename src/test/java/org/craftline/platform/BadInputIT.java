package org.craftline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.craftline.support.ImportFiles;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Inputs that once gave 500: a page number that overflows the offset, a page after the last, a NUL
 * byte in a form, a JSON body, a query parameter or an imported cell.
 */
@PostgresTest
class BadInputIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Every list of the application that takes a page, found from the mappings, not from a hand list. */
    @Test
    void noListTakesAPageThatOverflowsOrComesAfterItsLast() throws Exception {
        Who school = new Who(Sessions.login(mvc, TestUsers.SCHOOL_ADMIN), TestUsers.SCHOOL_ADMIN);
        Who operator = new Who(Sessions.login(mvc, TestUsers.ADMIN), TestUsers.ADMIN);
        // a graduate's own lists (its job board) are read by the graduate only
        Who graduate = new Who(Sessions.login(mvc, "student"), "student");
        List<String> checked = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            String path = listPath(entry.getKey(), entry.getValue());
            if (path == null) {
                continue;
            }
            Who who = statusOf(path, "1", school) == 200
                    ? school
                    : statusOf(path, "1", operator) == 200 ? operator : graduate;
            if (statusOf(path, "1", who) != 200) {
                unreachable.add(path);
                continue;
            }
            assertThat(statusOf(path, "2147483647", who)).as(path).isEqualTo(400);
            assertThat(statusOf(path, "9999999", who)).as(path).isEqualTo(400);
            checked.add(path);
        }
        System.out.println("BadInputIT: page bounds checked on " + checked.size() + " paged lists");
        assertThat(unreachable).as("lists that did not answer page 1").isEmpty();
        assertThat(checked).as("lists with a page parameter").hasSizeGreaterThan(20);
    }

    @Test
    void aNulByteIsAFieldErrorInEveryChannel() throws Exception {
        var admin = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
        mvc.perform(post("/api/v1/students")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"studentNumber\":\"NUL1\",\"name\":\"张\\u0000三\"}")
                        .with(admin))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/students").param("q", "a\u0000b").with(admin)).andExpect(status().isBadRequest());
        String page = mvc.perform(post("/students")
                        .param("studentNumber", "NUL2")
                        .param("name", "李\u0000四")
                        .with(csrf())
                        .session(Sessions.login(mvc, TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("不能包含控制字符");
        List<String> lines = new ArrayList<>(ImportFiles.students("NUL", 400));
        String[] cells = lines.get(300).split(",", -1);
        cells[2] = cells[2] + "\u0000"; // the name
        lines.set(300, String.join(",", cells));
        mvc.perform(multipart("/api/v1/imports/students")
                        .file(ImportFiles.csv("nul.csv", lines, StandardCharsets.UTF_8))
                        .param("dryRun", "true")
                        .header("Accept-Language", "en")
                        .with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(301))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Holds a control character (such as NUL): remove it and import again."));
    }

    record Who(MockHttpSession session, String username) {}

    private int statusOf(String path, String page, Who who) throws Exception {
        MockHttpServletRequestBuilder request = get(path).param("page", page);
        request = path.startsWith("/api/")
                ? request.with(httpBasic(who.username(), TestUsers.PASSWORD))
                : request.session(who.session());
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    /** The path of a GET mapping without path variables whose handler takes a {@code page} parameter. */
    private static String listPath(RequestMappingInfo info, HandlerMethod method) {
        if (!info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
            return null;
        }
        boolean paged = java.util.Arrays.stream(method.getMethodParameters())
                .anyMatch(p -> "page".equals(p.getParameterName()));
        return !paged
                ? null
                : info.getPatternValues().stream()
                        .filter(p -> !p.contains("{"))
                        .findFirst()
                        .orElse(null);
    }
}
