package org.craftline.enterprises.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.craftline.enterprises.Industry;
import org.craftline.enterprises.domain.EnterpriseForm;
import org.craftline.enterprises.domain.EnterpriseView;
import org.craftline.enterprises.domain.Enterprises;
import org.craftline.enterprises.domain.Groups;
import org.craftline.enterprises.domain.StaffCountForm;
import org.craftline.enterprises.domain.StaffCounts;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the enterprise registry and the vocational education groups. */
@RestController
@RequestMapping("/api/v1")
class EnterpriseApiController {

    private final Enterprises enterprises;
    private final Groups groups;
    private final StaffCounts staffCounts;

    EnterpriseApiController(Enterprises enterprises, Groups groups, StaffCounts staffCounts) {
        this.enterprises = enterprises;
        this.groups = groups;
        this.staffCounts = staffCounts;
    }

    @GetMapping("/enterprises")
    Paged<EnterpriseView> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Industry industry,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String town,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer size) {
        return enterprises.list(new Enterprises.Filter(q, industry, region, town), PageQuery.of(page, size, after));
    }

    @GetMapping("/enterprises/{id}")
    EnterpriseView get(@PathVariable long id) {
        return enterprises.get(id);
    }

    /** Proposes a new enterprise; a credit code already registered answers 409 naming the existing one. */
    @PostMapping("/enterprises")
    ResponseEntity<EnterpriseView> propose(@Valid @RequestBody EnterpriseForm form) {
        EnterpriseView created = enterprises.propose(form);
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + created.id()))
                .body(created);
    }

    /** Records the unit's current staff count; the body names the version read (409 when stale). */
    @PutMapping("/enterprises/{id}/staff-count")
    EnterpriseView staffCount(@PathVariable long id, @Valid @RequestBody StaffCountForm form) {
        return staffCounts.record(id, form);
    }

    @GetMapping("/groups")
    List<Groups.GroupView> groups() {
        return groups.list();
    }

    record GroupDetail(Groups.GroupView group, List<Groups.MemberView> members) {}

    @GetMapping("/groups/{id}")
    GroupDetail group(@PathVariable long id) {
        return new GroupDetail(groups.get(id), groups.members(id));
    }
}
