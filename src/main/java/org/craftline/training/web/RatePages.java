package org.craftline.training.web;

import java.util.List;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.craftline.training.domain.TrainingRates;
import org.craftline.training.domain.TrainingSchools;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The practical-training rate of a school and term, and what is missing, so a teacher sees it. */
@Controller
class RatePages {

    private final TrainingRates rates;
    private final TrainingSchools schools;
    private final OrganisationApi organisation;
    private final Tenancy tenancy;

    RatePages(TrainingRates rates, TrainingSchools schools, OrganisationApi organisation, Tenancy tenancy) {
        this.rates = rates;
        this.schools = schools;
        this.organisation = organisation;
        this.tenancy = tenancy;
    }

    @GetMapping("/training/rates")
    String rates(
            @RequestParam(required = false) String school, @RequestParam(required = false) String term, Model model) {
        List<OrganisationApi.Option> schoolOptions = organisation.schools(tenancy.scope());
        String code = school == null && tenancy.currentUser().schoolId() == null && !schoolOptions.isEmpty()
                ? schoolOptions.get(0).code()
                : school;
        TrainingRates.Rates shown;
        try {
            shown = rates.of(code, term);
        } catch (InvalidFieldException e) {
            model.addAttribute("flashError", e.messageKey());
            shown = rates.of(code, null);
        }
        model.addAttribute("rates", shown);
        model.addAttribute("schoolOptions", schoolOptions);
        model.addAttribute("termOptions", rates.terms(schools.readable(shown.schoolCode())));
        return "training/rates";
    }
}
