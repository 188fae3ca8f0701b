package org.craftline.shared;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;

/**
 * {@code @Size} on a String counted in code points ({@link Text#length}) instead of UTF-16 chars, so
 * a name of rare characters is allowed as many characters as any other. The platform registers it
 * for every {@code @Size} on a String (more specific than the provider's CharSequence validator).
 */
public class CodePointSizeValidator implements ConstraintValidator<Size, String> {

    private int min;
    private int max;

    @Override
    public void initialize(Size size) {
        this.min = size.min();
        this.max = size.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int length = Text.length(value);
        return length >= min && length <= max;
    }
}
