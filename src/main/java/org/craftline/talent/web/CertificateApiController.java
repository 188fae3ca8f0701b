package org.craftline.talent.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.talent.domain.CertificateForm;
import org.craftline.talent.domain.CertificateKind;
import org.craftline.talent.domain.CertificateStatus;
import org.craftline.talent.domain.CertificateView;
import org.craftline.talent.domain.Certificates;
import org.craftline.talent.domain.Grade;
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

/** REST API of the certificates, titles and honours of the user's schools, and a student's own. */
@RestController
@RequestMapping("/api/v1")
class CertificateApiController {

    private final Certificates certificates;

    CertificateApiController(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/certificates")
    Paged<CertificateView> list(
            @RequestParam(required = false) CertificateKind kind,
            @RequestParam(required = false) Grade grade,
            @RequestParam(required = false) CertificateStatus status,
            @RequestParam(required = false) String holder,
            @RequestParam(required = false) String number,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer size) {
        return certificates.list(
                new Certificates.Filter(kind, grade, status, holder, number), PageQuery.of(page, size, after));
    }

    @GetMapping("/certificates/{id}")
    CertificateView get(@PathVariable long id) {
        return certificates.get(id);
    }

    @PostMapping("/certificates")
    ResponseEntity<CertificateView> create(@Valid @RequestBody CertificateForm form) {
        CertificateView created = certificates.create(form);
        return ResponseEntity.created(URI.create("/api/v1/certificates/" + created.id()))
                .body(created);
    }

    @PutMapping("/certificates/{id}")
    CertificateView update(@PathVariable long id, @Valid @RequestBody CertificateForm form) {
        return certificates.update(id, form);
    }

    @DeleteMapping("/certificates/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        certificates.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** The signed-in student's or graduate's own certificates. */
    @GetMapping("/me/certificates")
    List<CertificateView> mine() {
        return certificates.mine();
    }
}
