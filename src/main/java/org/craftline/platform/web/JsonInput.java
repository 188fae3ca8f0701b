package org.craftline.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * API bodies are read strictly: a field the record does not have is refused (a misspelt field
 * would otherwise be dropped without a word), and a value of the wrong JSON type is refused
 * instead of converted ("12" is no number, 1 is no boolean, 12 is no text).
 */
@Configuration
class JsonInput {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(
                        LogicalType.Integer,
                        c -> refuse(c, CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean))
                .withCoercionConfig(
                        LogicalType.Float, c -> refuse(c, CoercionInputShape.String, CoercionInputShape.Boolean))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        c -> refuse(c, CoercionInputShape.String, CoercionInputShape.Integer, CoercionInputShape.Float))
                .withCoercionConfig(
                        LogicalType.Textual,
                        c -> refuse(
                                c, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean));
    }

    private static void refuse(tools.jackson.databind.cfg.MutableCoercionConfig config, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            config.setCoercion(shape, CoercionAction.Fail);
        }
    }
}
