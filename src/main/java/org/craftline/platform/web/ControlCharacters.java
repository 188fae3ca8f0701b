package org.craftline.platform.web;

import java.beans.PropertyEditorSupport;
import org.craftline.shared.Text;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * No text with control characters gets in, whatever the channel: a NUL byte reached PostgreSQL and
 * answered 500. Form fields, query and path parameters are refused with a field error (the binder's
 * {@code typeMismatch}), JSON strings with a 400 naming the field. Tab, line feed and carriage return
 * are text, not control.
 */
@Configuration
class ControlCharacters {

    @Bean
    SimpleModule controlFreeStrings() {
        return new SimpleModule("control-free-strings").addDeserializer(String.class, new ControlFreeStrings());
    }

    /** The standard string reading, then the refusal. */
    static final class ControlFreeStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && Text.hasControl(value)) {
                throw context.weirdStringException(
                        Text.controlShown(value), String.class, "control characters are not allowed");
            }
            return value;
        }
    }

    /** Every binder of every controller, pages and API: forms, query and path parameters. */
    @ControllerAdvice
    static class Binding {
        @InitBinder
        void refuseControlCharacters(WebDataBinder binder) {
            binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    if (text != null && Text.hasControl(text)) {
                        throw new IllegalArgumentException("control characters are not allowed");
                    }
                    setValue(text);
                }
            });
        }
    }
}
