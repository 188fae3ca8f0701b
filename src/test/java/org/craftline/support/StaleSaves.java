package org.craftline.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two people saving one record from the same version, through the API and through a page form: the
 * second save is refused with who changed which field, as {@code students.StaleEditIT} shows for
 * students. Shared by the per-module stale-edit tests.
 */
public final class StaleSaves {

    private final MockMvc mvc;
    private final JsonMapper json;

    public StaleSaves(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** A record as the API reads it. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> read(String url, RequestPostProcessor who) throws Exception {
        String body = mvc.perform(get(url).with(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readValue(body, Map.class);
    }

    /** The named fields of a read record: the body of a save that changes nothing. */
    public static Map<String, Object> form(Map<String, Object> read, String... fields) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (String f : fields) {
            form.put(f, read.get(f));
        }
        return form;
    }

    /**
     * Saves {@code theirs} into {@code field} from the form's version (taken, the version rises),
     * then {@code mine} from the same version (refused: 409 naming {@code username} and the field),
     * then without a version (400 on {@code version}).
     */
    public void apiRefusesTheStaleSave(
            String url,
            Map<String, Object> form,
            String field,
            Object theirs,
            Object mine,
            RequestPostProcessor who,
            String username)
            throws Exception {
        int version = (int) form.get("version");
        save(url, with(form, field, theirs, version), who).andExpect(status().isOk());
        save(url, with(form, field, mine, version), who)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(version + 1))
                .andExpect(jsonPath("$.changes[0].username").value(username))
                .andExpect(jsonPath("$.changes[0].fields", hasItem(field)));
        save(url, with(form, field, mine, null), who)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    public ResultActions save(String url, Map<String, Object> body, RequestPostProcessor who) throws Exception {
        return mvc.perform(put(url).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))
                .with(who));
    }

    /**
     * Posts a page form from a version someone else has since saved over: the form comes back with the
     * message, what was typed, and the stored version; posting it again saves.
     */
    public void pageFormShowsTheStaleSaveAgain(
            String url, Map<String, Object> form, String field, String mine, int stale, MockHttpSession session)
            throws Exception {
        String page = shownAgain(postForm(url, with(form, field, mine, stale), session), STALE);
        assertThat(page).contains("value=\"" + mine + "\"").contains("name=\"version\" value=\"" + (stale + 1) + "\"");
        postForm(url, with(form, field, mine, stale + 1), session).andExpect(status().is3xxRedirection());
    }

    /** What the stale-save message says in Chinese, the default language. */
    public static final String STALE = "修改了这条记录";

    /** The page a refused stale post answers: the form again (200), with {@code message}. */
    public static String shownAgain(ResultActions posted, String message) throws Exception {
        String page =
                posted.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(message);
        return page;
    }

    public ResultActions postForm(String url, Map<String, Object> form, MockHttpSession session) throws Exception {
        var request = post(url).with(csrf()).session(session);
        for (var e : form.entrySet()) {
            if (e.getValue() instanceof Collection<?> values) {
                values.forEach(v -> request.param(e.getKey(), String.valueOf(v)));
            } else if (e.getValue() != null) {
                request.param(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        return mvc.perform(request);
    }

    private static Map<String, Object> with(Map<String, Object> form, String field, Object value, Integer version) {
        Map<String, Object> body = new HashMap<>(form);
        body.put(field, value);
        body.put("version", version);
        return body;
    }

    /** Codes of a list of read objects, e.g. the majors a school offers. */
    @SuppressWarnings("unchecked")
    public static List<Object> codes(Object list) {
        return ((List<Map<String, Object>>) list)
                .stream().map(m -> m.get("code")).toList();
    }
}
