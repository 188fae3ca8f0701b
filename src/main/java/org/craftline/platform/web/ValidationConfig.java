package org.craftline.platform.web;

import jakarta.validation.constraints.Size;
import org.craftline.shared.CodePointSizeValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every {@code @Size} on a String counts code points, not UTF-16 chars: a name of rare characters
 * (CJK Extension B) gets as many characters as any other, the way PostgreSQL's VARCHAR(n) counts.
 * One registration here, so no form or command can forget it.
 */
@Configuration
class ValidationConfig {

    @Bean
    ValidationConfigurationCustomizer codePointSizes() {
        return configuration -> {
            if (configuration instanceof HibernateValidatorConfiguration hibernate) {
                ConstraintMapping mapping = hibernate.createConstraintMapping();
                mapping.constraintDefinition(Size.class)
                        .includeExistingValidators(true)
                        .validatedBy(CodePointSizeValidator.class);
                hibernate.addMapping(mapping);
            }
        };
    }
}
