package org.craftline.internships.web;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.craftline.internships.domain.ClassPlacementForm;
import org.craftline.internships.domain.ClassPlacements;
import org.craftline.internships.domain.PlacementView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;

/**
 * A class's placements at one unit in one step, as multipart: the part {@code batch} (JSON), then
 * for each student {@code agreement.<student number>} and, for a minor, {@code consent.<student
 * number>}. All are made or none: a refusal answers 400 naming each refused student
 * ({@code students[<number>].<field>}) with what it broke.
 */
@RestController
@RequestMapping("/api/v1/internships/class-batches")
class ClassPlacementApiController {

    static final String BATCH = "batch";

    private final ClassPlacements batch;

    ClassPlacementApiController(ClassPlacements batch) {
        this.batch = batch;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    List<PlacementView> create(@Valid @RequestPart(BATCH) ClassPlacementForm form, MultipartRequest request) {
        Map<String, MultipartFile> files = new LinkedHashMap<>(request.getFileMap());
        files.remove(BATCH); // the JSON part, when a client sent it as a file
        return batch.create(form, files);
    }
}
