package org.craftline.shared;

import org.springframework.validation.BindingResult;

/**
 * A request body that failed its constraints, thrown by an API method only after it checked the
 * caller's rights (a caller without the right learns 403, not what its body got wrong). Answered as
 * a refused {@code @Valid} body is: 400 with the field errors.
 */
public class InvalidBodyException extends RuntimeException {

    private final transient BindingResult errors;

    public InvalidBodyException(BindingResult errors) {
        super(errors.getErrorCount() + " invalid fields");
        this.errors = errors;
    }

    public BindingResult errors() {
        return errors;
    }

    /** Throws when the body broke a constraint. */
    public static void check(BindingResult errors) {
        if (errors.hasErrors()) {
            throw new InvalidBodyException(errors);
        }
    }
}
