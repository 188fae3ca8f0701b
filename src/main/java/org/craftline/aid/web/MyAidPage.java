package org.craftline.aid.web;

import org.craftline.aid.domain.MyAid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A student's own aid, on a phone as well: this term's eligibility and each term's decision and payments. */
@Controller
class MyAidPage {

    private final MyAid aid;

    MyAidPage(MyAid aid) {
        this.aid = aid;
    }

    @GetMapping("/me/aid")
    String mine(Model model) {
        model.addAttribute("aid", aid.mine());
        return "aid/mine";
    }
}
