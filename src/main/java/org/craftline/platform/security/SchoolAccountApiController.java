package org.craftline.platform.security;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.craftline.platform.Role;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A school administrator's accounts of its school, through the API (SCHOOL_ADMIN only). */
@RestController
@RequestMapping("/api/v1/school")
class SchoolAccountApiController {

    private final SchoolAccounts accounts;

    SchoolAccountApiController(SchoolAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/users")
    Paged<UserView> list(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return accounts.list(q, role, PageQuery.of(page, size));
    }

    /** Answers the generated password once; it must be changed at the first sign-in. */
    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    SchoolAccounts.Created create(@Valid @RequestBody SchoolAccounts.AccountForm form) {
        return accounts.create(form);
    }

    record Enabled(boolean enabled) {}

    @PutMapping("/users/{username}/enabled")
    Map<String, Boolean> enable(@PathVariable String username, @RequestBody Enabled body) {
        accounts.setEnabled(username, body.enabled());
        return Map.of("enabled", body.enabled());
    }

    /** With {@code dryRun} (the default) how many graduates of the year have no account; else creates them. */
    @PostMapping("/graduate-accounts")
    Map<String, Object> graduates(@RequestParam int year, @RequestParam(defaultValue = "true") boolean dryRun) {
        if (dryRun) {
            return Map.of(
                    "year",
                    year,
                    "graduatesWithoutAccount",
                    accounts.withoutAccount(year).size());
        }
        List<SchoolAccounts.Created> created = accounts.createForGraduates(year);
        return Map.of("year", year, "created", created);
    }
}
