package org.craftline.organisation.web;

import jakarta.validation.Valid;
import java.net.URI;
import org.craftline.organisation.domain.Forms.StaffForm;
import org.craftline.organisation.domain.StaffCategory;
import org.craftline.organisation.domain.StaffMembers;
import org.craftline.organisation.domain.Views.StaffView;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
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

/** REST API of staff under /api/v1 (paged lists; see docs/api.md). */
@RestController
@RequestMapping("/api/v1")
class StaffApiController {

    private final StaffMembers staff;

    StaffApiController(StaffMembers staff) {
        this.staff = staff;
    }

    @GetMapping("/staff")
    Paged<StaffView> staff(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) StaffCategory category,
            @RequestParam(required = false) Boolean fullTime,
            @RequestParam(required = false) Boolean dualQualified,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return staff.list(
                new StaffMembers.Filter(school, q, category, fullTime, dualQualified), PageQuery.of(page, size));
    }

    @GetMapping("/staff/{id}")
    StaffView staffMember(@PathVariable long id) {
        return staff.get(id);
    }

    @PostMapping("/staff")
    ResponseEntity<StaffView> createStaff(@Valid @RequestBody StaffForm form) {
        StaffView created = staff.create(form);
        return ResponseEntity.created(URI.create("/api/v1/staff/" + created.id()))
                .body(created);
    }

    @PutMapping("/staff/{id}")
    StaffView updateStaff(@PathVariable long id, @Valid @RequestBody StaffForm form) {
        return staff.update(id, form);
    }

    @DeleteMapping("/staff/{id}")
    ResponseEntity<Void> deleteStaff(@PathVariable long id) {
        staff.delete(id);
        return ResponseEntity.noContent().build();
    }
}
