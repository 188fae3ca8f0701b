package org.craftline.talent.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.talent.domain.ApprenticeshipForm;
import org.craftline.talent.domain.ApprenticeshipView;
import org.craftline.talent.domain.Apprenticeships;
import org.craftline.talent.domain.ConsentForm;
import org.craftline.talent.domain.Grade;
import org.craftline.talent.domain.MasterView;
import org.craftline.talent.domain.Masters;
import org.craftline.talent.domain.TalentSettings;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the masters and their consent, master-apprentice relations and the talent settings. */
@RestController
@RequestMapping("/api/v1")
class TalentApiController {

    private final Masters masters;
    private final Apprenticeships apprenticeships;
    private final TalentSettings settings;

    TalentApiController(Masters masters, Apprenticeships apprenticeships, TalentSettings settings) {
        this.masters = masters;
        this.apprenticeships = apprenticeships;
        this.settings = settings;
    }

    @GetMapping("/masters")
    Paged<MasterView> masters(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) Grade level,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return masters.list(school, level, PageQuery.of(page, size));
    }

    /** Records a graduate's consent to the public masters page ({@code consented: false} withdraws it). */
    @PutMapping("/masters/{studentNumber}/consent")
    Masters.MasterConsent consent(
            @PathVariable String studentNumber,
            @RequestParam(required = false) String school,
            @Valid @RequestBody ConsentForm form) {
        return masters.consent(school, studentNumber, form);
    }

    @GetMapping("/apprenticeships")
    Paged<ApprenticeshipView> apprenticeships(
            @RequestParam(required = false) String person,
            @RequestParam(required = false) Boolean ongoing,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer size) {
        return apprenticeships.list(person, ongoing, PageQuery.of(page, size, after));
    }

    @PostMapping("/apprenticeships")
    ResponseEntity<ApprenticeshipView> create(@Valid @RequestBody ApprenticeshipForm form) {
        ApprenticeshipView created = apprenticeships.create(form);
        return ResponseEntity.created(URI.create("/api/v1/apprenticeships/" + created.id()))
                .body(created);
    }

    @PostMapping("/apprenticeships/{id}/end")
    ApprenticeshipView end(
            @PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endedOn) {
        return apprenticeships.end(id, endedOn);
    }

    @DeleteMapping("/apprenticeships/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        apprenticeships.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/talent-settings")
    TalentSettings.Setting setting(@RequestParam(required = false) String school) {
        return settings.of(school);
    }

    @PutMapping("/talent-settings")
    TalentSettings.Setting saveSetting(@RequestBody TalentSettings.Setting setting) {
        return settings.save(setting);
    }
}
