package org.craftline.organisation.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.craftline.organisation.domain.Classes;
import org.craftline.organisation.domain.Views.ClassView;
import org.craftline.platform.Tenancy;
import org.craftline.shared.ConflictException;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.Paged;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The API's shape: JSON of lists and records, Location on create, RFC 9457 errors with fields. */
@WebMvcTest(ClassApiController.class)
// the error advices name the upload limit in a refused upload\'s message
@org.springframework.context.annotation.Import(org.craftline.platform.web.UploadLimit.class)
@AutoConfigureMockMvc(addFilters = false) // security is covered by the PostgreSQL integration tests
class ClassApiControllerTest {

    static final ClassView CLASS =
            new ClassView(12, "4141013240", "镇平", "750107", "玉雕艺术", 2026, "2026级玉雕艺术1班", "T0001", "王伟", 0);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Classes classes;

    @MockitoBean
    Tenancy tenancy;

    @Test
    void listsArePagedJson() throws Exception {
        given(classes.list(any(), any())).willReturn(new Paged<>(List.of(CLASS), 1, 20, 1));
        mvc.perform(get("/api/v1/classes").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].name").value("2026级玉雕艺术1班"))
                .andExpect(jsonPath("$.items[0].majorCode").value("750107"));
    }

    @Test
    void createAnswers201WithLocation() throws Exception {
        given(classes.create(any())).willReturn(CLASS);
        mvc.perform(post("/api/v1/classes")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"majorCode\":\"750107\",\"entryYear\":2026,\"name\":\"2026级玉雕艺术1班\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/classes/12"));
    }

    @Test
    void invalidBodiesAnswerProblemsWithFieldErrors() throws Exception {
        mvc.perform(post("/api/v1/classes")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"majorCode\":\"750107\",\"entryYear\":1200,\"name\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field == 'entryYear')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists());
    }

    @Test
    void notFoundAndConflictAreProblems() throws Exception {
        given(classes.get(eq(99L))).willThrow(new NotFoundException("class", "99"));
        mvc.perform(get("/api/v1/classes/99"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
        given(classes.create(any())).willThrow(new ConflictException("class.name.taken", "name", "x"));
        mvc.perform(post("/api/v1/classes")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"majorCode\":\"750107\",\"entryYear\":2026,\"name\":\"x\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }
}
