package org.craftline.organisation.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import org.craftline.organisation.domain.Classes;
import org.craftline.organisation.domain.Views.ClassView;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Role;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.Paged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The class pages: views, model, field errors and Post/Redirect/Get. */
@WebMvcTest(ClassPages.class)
// the error advices name the upload limit in a refused upload\'s message
@org.springframework.context.annotation.Import(org.craftline.platform.web.UploadLimit.class)
@AutoConfigureMockMvc(addFilters = false) // sign-in and CSRF are covered by the PostgreSQL integration tests
class ClassPagesTest {

    static final CurrentUser ADMIN =
            new CurrentUser(1, "zp-admin", "教务处", Role.SCHOOL_ADMIN, 5L, null, null, null, null);
    static final ClassView CLASS =
            new ClassView(12, "4141013240", "镇平", "750107", "玉雕艺术", 2026, "2026级玉雕艺术1班", "T0001", "王伟", 0);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Classes classes;

    @MockitoBean
    FormOptions options;

    @MockitoBean
    Tenancy tenancy;

    @BeforeEach
    void signIn() {
        Tenancy.HasCurrentUser principal = () -> ADMIN;
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
        given(tenancy.currentUser()).willReturn(ADMIN);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theListShowsTheClassesAndKeepsFiltersInThePager() throws Exception {
        given(classes.list(any(), any())).willReturn(new Paged<>(List.of(CLASS), 1, 20, 41));
        mvc.perform(get("/organisation/classes").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(view().name("organisation/classes"))
                .andExpect(model().attributeExists("classes", "filter"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("2026级玉雕艺术1班")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("?year=2026&amp;page=2\"")));
    }

    @Test
    void anInvalidFormIsShownAgainWithItsErrors() throws Exception {
        mvc.perform(post("/organisation/classes").param("majorCode", "").param("entryYear", "1800"))
                .andExpect(status().isOk())
                .andExpect(view().name("organisation/class-form"))
                .andExpect(model().attributeHasFieldErrors("form", "majorCode", "entryYear", "name"));
        mvc.perform(post("/organisation/classes").param("majorCode", "750107").param("entryYear", "abc"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "entryYear", "typeMismatch"));
        verify(classes, never()).create(any());
    }

    @Test
    void aValueOfTheWrongTypeKeepsTheVersionTheFormWasReadAt() throws Exception {
        mvc.perform(post("/organisation/classes/12")
                        .param("majorCode", "750107")
                        .param("entryYear", "abc")
                        .param("name", "x")
                        .param("version", "7"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "entryYear", "typeMismatch"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"version\" value=\"7\"")));
        verify(classes, never()).update(org.mockito.ArgumentMatchers.anyLong(), any());
    }

    @Test
    void aRefusedValueBecomesAFieldError() throws Exception {
        given(classes.create(any())).willThrow(new InvalidFieldException("majorCode", "class.major.notOffered"));
        mvc.perform(post("/organisation/classes")
                        .param("majorCode", "710201")
                        .param("entryYear", "2026")
                        .param("name", "x"))
                .andExpect(model().attributeHasFieldErrorCode("form", "majorCode", "class.major.notOffered"));
    }

    @Test
    void aSavedClassRedirectsToItsPage() throws Exception {
        given(classes.create(any())).willReturn(CLASS);
        mvc.perform(post("/organisation/classes")
                        .param("majorCode", "750107")
                        .param("entryYear", "2026")
                        .param("name", "2026级玉雕艺术1班"))
                .andExpect(redirectedUrl("/organisation/classes/12"));
    }

    @Test
    void anUnknownClassIsTheFriendly404Page() throws Exception {
        given(classes.get(99)).willThrow(new NotFoundException("class", "99"));
        mvc.perform(get("/organisation/classes/99"))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error/404"));
    }
}
