package org.craftline.organisation.web;

import jakarta.validation.Valid;
import java.net.URI;
import org.craftline.organisation.domain.Forms.RegionForm;
import org.craftline.organisation.domain.RegionLevel;
import org.craftline.organisation.domain.Regions;
import org.craftline.organisation.domain.Views.RegionView;
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

/** REST API of regions under /api/v1 (paged lists; see docs/api.md). */
@RestController
@RequestMapping("/api/v1")
class RegionApiController {

    private final Regions regions;

    RegionApiController(Regions regions) {
        this.regions = regions;
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
}
