package org.craftline.enterprises.web;

import org.craftline.enterprises.domain.Groups;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class GroupPages {

    private final Groups groups;

    GroupPages(Groups groups) {
        this.groups = groups;
    }

    @GetMapping("/groups")
    String list(Model model) {
        model.addAttribute("groups", groups.list());
        return "enterprises/groups";
    }

    @GetMapping("/groups/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("group", groups.get(id));
        model.addAttribute("members", groups.members(id));
        return "enterprises/group";
    }
}
