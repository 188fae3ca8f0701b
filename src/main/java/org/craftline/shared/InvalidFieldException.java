package org.craftline.shared;

/**
 * A value that passes its own validation but does not fit the records, such as a code that names
 * no school. Pages show it at the field; the API answers 400 with the field.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public InvalidFieldException(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
