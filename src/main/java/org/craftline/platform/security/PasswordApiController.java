package org.craftline.platform.security;

import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A user changes its own password through the API: {@code {"current", "password", "repeat"}}. */
@RestController
class PasswordApiController {

    private final OwnPassword passwords;

    PasswordApiController(OwnPassword passwords) {
        this.passwords = passwords;
    }

    @PostMapping("/api/v1/me/password")
    Map<String, Boolean> change(@Valid @RequestBody OwnPassword.ChangeForm form) {
        passwords.change(form);
        return Map.of("changed", true);
    }
}
