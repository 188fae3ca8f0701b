package org.craftline.aid.web;

import org.craftline.aid.domain.MyAid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in student's own aid (see {@link MyAid}). */
@RestController
class MyAidApiController {

    private final MyAid aid;

    MyAidApiController(MyAid aid) {
        this.aid = aid;
    }

    @GetMapping("/api/v1/me/aid")
    MyAid.Mine mine() {
        return aid.mine();
    }
}
