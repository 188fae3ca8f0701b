package org.craftline.platform.imports;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.craftline.support.H2Test;
import org.craftline.support.ImportFiles;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * On the embedded H2 database too, the first row of a repeated key leaves the staging table (the
 * batched-insert path and its delete by row number), so the counts add up. Same configuration as
 * H2CompatibilityTest, so both share one application context.
 */
@H2Test
class DuplicateKeyCountsH2Test {

    @Autowired
    MockMvc mvc;

    @Test
    void aRepeatedKeyIsCountedOnceOnH2() throws Exception {
        List<String> lines = new ArrayList<>(ImportFiles.students("DKH", 5));
        lines.add(ImportFiles.studentRow("DKH", 2));
        for (boolean dryRun : List.of(true, false)) {
            mvc.perform(multipart("/api/v1/imports/students")
                            .file(ImportFiles.csv("dkh.csv", lines, StandardCharsets.UTF_8))
                            .param("dryRun", String.valueOf(dryRun))
                            .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                    .andExpect(status().is(dryRun ? 200 : 422))
                    .andExpect(jsonPath("$.rows").value(6))
                    .andExpect(jsonPath("$.created").value(4))
                    .andExpect(jsonPath("$.updated").value(0))
                    .andExpect(jsonPath("$.unchanged").value(0))
                    .andExpect(jsonPath("$.rejected").value(2));
        }
    }
}
