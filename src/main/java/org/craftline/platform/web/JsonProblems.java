package org.craftline.platform.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/** Says in the client's words where a JSON body went wrong: the field's path and a message key. */
final class JsonProblems {

    private JsonProblems() {}

    /** {@code entryYear}, {@code rows[2].name}; empty for the body as a whole. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String reason(JacksonException e) {
        if (e instanceof PropertyBindingException) {
            return "json.unknownField";
        }
        if (e instanceof InvalidFormatException) {
            return "json.invalidValue";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "json.expected." + kind(mismatch.getTargetType());
        }
        return "json.invalidValue";
    }

    private static String kind(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type.isPrimitive()
                || Number.class.isAssignableFrom(type)
                || type == BigDecimal.class
                || type == BigInteger.class) {
            return "number";
        }
        if (type == String.class || type.isEnum() || Temporal.class.isAssignableFrom(type)) {
            return "text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        return "object";
    }
}
