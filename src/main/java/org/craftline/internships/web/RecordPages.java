package org.craftline.internships.web;

import org.craftline.internships.domain.ContactForm;
import org.craftline.internships.domain.Contacts;
import org.craftline.internships.domain.EvaluationForm;
import org.craftline.internships.domain.Evaluations;
import org.craftline.internships.domain.IncidentForm;
import org.craftline.internships.domain.Incidents;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The forms on a placement's page for its contacts, incidents and evaluation; each returns to the page. */
@Controller
@RequestMapping("/internships/{id}")
class RecordPages {

    private final Contacts contacts;
    private final Incidents incidents;
    private final Evaluations evaluations;

    RecordPages(Contacts contacts, Incidents incidents, Evaluations evaluations) {
        this.contacts = contacts;
        this.incidents = incidents;
        this.evaluations = evaluations;
    }

    @PostMapping("/contacts")
    String contact(
            @PathVariable long id,
            @Validated @ModelAttribute ContactForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        return Redirects.toPlacement(id, errors, redirect, () -> contacts.record(id, form));
    }

    @PostMapping("/incidents")
    String incident(
            @PathVariable long id,
            @Validated @ModelAttribute IncidentForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        return Redirects.toPlacement(id, errors, redirect, () -> incidents.record(id, form));
    }

    @PostMapping("/incidents/{incidentId}")
    String incident(
            @PathVariable long id,
            @PathVariable long incidentId,
            @Validated @ModelAttribute IncidentForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        return Redirects.toPlacement(id, errors, redirect, () -> incidents.update(id, incidentId, form));
    }

    @PostMapping("/evaluation/mentor")
    String mentor(
            @PathVariable long id,
            @Validated @ModelAttribute EvaluationForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        return Redirects.toPlacement(id, errors, redirect, () -> evaluations.fileMentor(id, form));
    }

    @PostMapping("/evaluation/school")
    String school(
            @PathVariable long id,
            @Validated @ModelAttribute EvaluationForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        return Redirects.toPlacement(id, errors, redirect, () -> evaluations.fileSchool(id, form));
    }
}
