package org.craftline.internships.web;

import jakarta.validation.Valid;
import java.util.List;
import org.craftline.internships.domain.ContactForm;
import org.craftline.internships.domain.ContactView;
import org.craftline.internships.domain.Contacts;
import org.craftline.internships.domain.EvaluationForm;
import org.craftline.internships.domain.EvaluationView;
import org.craftline.internships.domain.Evaluations;
import org.craftline.internships.domain.IncidentForm;
import org.craftline.internships.domain.IncidentView;
import org.craftline.internships.domain.Incidents;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of a placement's record besides its logs: the supervisor's contacts, incidents, the evaluation. */
@RestController
@RequestMapping("/api/v1/internships/{id}")
class RecordApiController {

    private final Contacts contacts;
    private final Incidents incidents;
    private final Evaluations evaluations;

    RecordApiController(Contacts contacts, Incidents incidents, Evaluations evaluations) {
        this.contacts = contacts;
        this.incidents = incidents;
        this.evaluations = evaluations;
    }

    @GetMapping("/contacts")
    List<ContactView> contacts(@PathVariable long id) {
        return contacts.list(id);
    }

    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    ContactView contact(@PathVariable long id, @Valid @RequestBody ContactForm form) {
        return contacts.record(id, form);
    }

    @GetMapping("/incidents")
    List<IncidentView> incidents(@PathVariable long id) {
        return incidents.list(id);
    }

    @PostMapping("/incidents")
    @ResponseStatus(HttpStatus.CREATED)
    IncidentView incident(@PathVariable long id, @Valid @RequestBody IncidentForm form) {
        return incidents.record(id, form);
    }

    @PutMapping("/incidents/{incidentId}")
    IncidentView incident(@PathVariable long id, @PathVariable long incidentId, @Valid @RequestBody IncidentForm form) {
        return incidents.update(id, incidentId, form);
    }

    @GetMapping("/evaluation")
    EvaluationView evaluation(@PathVariable long id) {
        return evaluations.get(id);
    }

    @PutMapping("/evaluation/mentor")
    EvaluationView mentor(@PathVariable long id, @Valid @RequestBody EvaluationForm form) {
        return evaluations.fileMentor(id, form);
    }

    @PutMapping("/evaluation/school")
    EvaluationView school(@PathVariable long id, @Valid @RequestBody EvaluationForm form) {
        return evaluations.fileSchool(id, form);
    }
}
