package org.craftline.organisation.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.craftline.organisation.domain.Classes;
import org.craftline.organisation.domain.Forms.ClassForm;
import org.craftline.organisation.domain.Forms.MajorForm;
import org.craftline.organisation.domain.Forms.RegionForm;
import org.craftline.organisation.domain.Forms.SchoolForm;
import org.craftline.organisation.domain.Forms.StaffForm;
import org.craftline.organisation.domain.Majors;
import org.craftline.organisation.domain.RegionLevel;
import org.craftline.organisation.domain.Regions;
import org.craftline.organisation.domain.Schools;
import org.craftline.organisation.domain.StaffMembers;
import org.craftline.organisation.domain.Views.ClassView;
import org.craftline.organisation.domain.Views.MajorView;
import org.craftline.organisation.domain.Views.RegionView;
import org.craftline.organisation.domain.Views.SchoolView;
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

/** REST API of the organisation module under /api/v1: lists are paged, records go by business key. */
@RestController
@RequestMapping("/api/v1")
class OrganisationApiController {

    private final Regions regions;
    private final Schools schools;
    private final Majors majors;
    private final Classes classes;
    private final StaffMembers staff;

    OrganisationApiController(Regions regions, Schools schools, Majors majors, Classes classes, StaffMembers staff) {
        this.regions = regions;
        this.schools = schools;
        this.majors = majors;
        this.classes = classes;
        this.staff = staff;
    }

    @GetMapping("/regions")
    Paged<RegionView> regions(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) RegionLevel level,
            @RequestParam(required = false) String parent,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return regions.list(q, level, parent, PageQuery.of(page, size));
    }

    @GetMapping("/regions/{code}")
    RegionView region(@PathVariable String code) {
        return regions.get(code);
    }

    @PostMapping("/regions")
    ResponseEntity<RegionView> createRegion(@Valid @RequestBody RegionForm form) {
        RegionView created = regions.create(form);
        return ResponseEntity.created(URI.create("/api/v1/regions/" + created.code()))
                .body(created);
    }

    @PutMapping("/regions/{code}")
    RegionView updateRegion(@PathVariable String code, @Valid @RequestBody RegionForm form) {
        return regions.update(code, form);
    }

    @GetMapping("/schools")
    Paged<SchoolView> schools(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return schools.list(q, region, PageQuery.of(page, size));
    }

    record SchoolDetail(SchoolView school, List<MajorView> majors) {}

    @GetMapping("/schools/{code}")
    SchoolDetail school(@PathVariable String code) {
        return new SchoolDetail(schools.get(code), schools.majorsOffered(code));
    }

    @PostMapping("/schools")
    ResponseEntity<SchoolView> createSchool(@Valid @RequestBody SchoolForm form) {
        SchoolView created = schools.create(form);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + created.code()))
                .body(created);
    }

    @PutMapping("/schools/{code}")
    SchoolView updateSchool(@PathVariable String code, @Valid @RequestBody SchoolForm form) {
        return schools.update(code, form);
    }

    @GetMapping("/majors")
    Paged<MajorView> majors(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return majors.list(q, school, PageQuery.of(page, size));
    }

    @GetMapping("/majors/{code}")
    MajorView major(@PathVariable String code) {
        return majors.get(code);
    }

    @PostMapping("/majors")
    ResponseEntity<MajorView> createMajor(@Valid @RequestBody MajorForm form) {
        MajorView created = majors.create(form);
        return ResponseEntity.created(URI.create("/api/v1/majors/" + created.code()))
                .body(created);
    }

    @PutMapping("/majors/{code}")
    MajorView updateMajor(@PathVariable String code, @Valid @RequestBody MajorForm form) {
        return majors.update(code, form);
    }

    @GetMapping("/classes")
    Paged<ClassView> classes(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String major,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return classes.list(new Classes.Filter(school, major, year, q, null), PageQuery.of(page, size));
    }

    @GetMapping("/classes/{id}")
    ClassView schoolClass(@PathVariable long id) {
        return classes.get(id);
    }

    @PostMapping("/classes")
    ResponseEntity<ClassView> createClass(@Valid @RequestBody ClassForm form) {
        ClassView created = classes.create(form);
        return ResponseEntity.created(URI.create("/api/v1/classes/" + created.id()))
                .body(created);
    }

    @PutMapping("/classes/{id}")
    ClassView updateClass(@PathVariable long id, @Valid @RequestBody ClassForm form) {
        return classes.update(id, form);
    }

    @DeleteMapping("/classes/{id}")
    ResponseEntity<Void> deleteClass(@PathVariable long id) {
        classes.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/staff")
    Paged<StaffView> staff(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean fullTime,
            @RequestParam(required = false) Boolean dualQualified,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return staff.list(new StaffMembers.Filter(school, q, fullTime, dualQualified), PageQuery.of(page, size));
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
