package org.craftline.internships.domain;

import java.util.ArrayList;
import java.util.List;
import org.craftline.internships.domain.DemoPlan.Planned;
import org.craftline.platform.StoredFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo placements' signed files: each placement's three-party agreement and, for a minor, the
 * guardian's consent, stored as uploads are (checked, typed by their first bytes, under the data
 * directory) and set on the rows in one batch.
 */
@Component
class DemoDocumentsWriter {

    private final StoredFiles files;
    private final JdbcTemplate jdbc;

    DemoDocumentsWriter(StoredFiles files, JdbcTemplate jdbc) {
        this.files = files;
        this.jdbc = jdbc;
    }

    void attach(List<Long> ids, List<Planned> plan) {
        List<Object[]> agreements = new ArrayList<>(plan.size());
        List<Object[]> consents = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Planned p = plan.get(i);
            String number = p.student().number();
            var agreement = files.store(
                    Placements.AGREEMENT,
                    DemoDocuments.upload(
                            "agreement-" + number + ".pdf",
                            DemoDocuments.pdf(List.of(
                                    "Three-party internship agreement (demo)",
                                    "School: 4141013240  Student: " + number,
                                    "Unit: " + p.unit().id() + "  Kind: " + p.kind(),
                                    "Period: " + p.startsOn() + " to " + p.endsOn(),
                                    "Signed by the school, the unit and the student."))));
            agreements.add(new Object[] {agreement.name(), agreement.type(), agreement.path(), ids.get(i)});
            if (p.minor()) {
                var consent = files.store(
                        Placements.CONSENT,
                        DemoDocuments.upload(
                                "consent-" + number + ".pdf",
                                DemoDocuments.pdf(List.of(
                                        "Guardian's consent to the internship (demo)",
                                        "Student: " + number,
                                        "Period: " + p.startsOn() + " to " + p.endsOn(),
                                        "Signed by the guardian."))));
                consents.add(new Object[] {consent.name(), consent.type(), consent.path(), ids.get(i)});
            }
        }
        jdbc.batchUpdate(
                "UPDATE internship SET agreement_name = ?, agreement_type = ?, agreement_path = ? WHERE id = ?",
                agreements);
        jdbc.batchUpdate(
                "UPDATE internship SET consent_name = ?, consent_type = ?, consent_path = ? WHERE id = ?", consents);
    }
}
