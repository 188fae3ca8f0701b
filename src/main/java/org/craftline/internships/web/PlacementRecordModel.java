package org.craftline.internships.web;

import org.craftline.internships.domain.ContactForm;
import org.craftline.internships.domain.Contacts;
import org.craftline.internships.domain.Evaluations;
import org.craftline.internships.domain.Grade;
import org.craftline.internships.domain.IncidentForm;
import org.craftline.internships.domain.Incidents;
import org.craftline.internships.domain.InternshipAccess;
import org.craftline.internships.domain.LogQueries;
import org.craftline.internships.domain.PlacementView;
import org.craftline.internships.domain.WeeklyLogs;
import org.craftline.platform.Role;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What a placement's page shows of its record (logs, contacts, incidents, evaluation) and who may act. */
@Component
class PlacementRecordModel {

    private final LogQueries logs;
    private final WeeklyLogs writes;
    private final Contacts contacts;
    private final Incidents incidents;
    private final Evaluations evaluations;
    private final InternshipAccess access;

    PlacementRecordModel(
            LogQueries logs,
            WeeklyLogs writes,
            Contacts contacts,
            Incidents incidents,
            Evaluations evaluations,
            InternshipAccess access) {
        this.logs = logs;
        this.writes = writes;
        this.contacts = contacts;
        this.incidents = incidents;
        this.evaluations = evaluations;
        this.access = access;
    }

    void fill(PlacementView p, Model model) {
        Role role = access.user().role();
        model.addAttribute("logs", logs.list(p.id()));
        model.addAttribute("contacts", contacts.list(p.id()));
        model.addAttribute("incidents", incidents.list(p.id()));
        model.addAttribute("evaluation", evaluations.get(p.id()));
        model.addAttribute("evaluationOpen", evaluations.open(p.id()));
        model.addAttribute("isStudent", role == Role.STUDENT);
        model.addAttribute("isEnterprise", role == Role.ENTERPRISE);
        model.addAttribute("logsOpen", role == Role.STUDENT && writes.open(p));
        model.addAttribute("grades", Grade.values());
        model.addAttribute("contactKinds", ContactForm.Kind.values());
        model.addAttribute("incidentKinds", IncidentForm.Kind.values());
    }
}
