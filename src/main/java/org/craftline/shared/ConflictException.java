package org.craftline.shared;

/** A change refused because it clashes with existing records (a duplicate key, a record in use). */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final String field;

    public ConflictException(String messageKey, String field, String detail) {
        super(detail);
        this.messageKey = messageKey;
        this.field = field;
    }

    /** The message key of the user-facing text. */
    public String messageKey() {
        return messageKey;
    }

    /** The form field to attach the error to, or null for the whole record. */
    public String field() {
        return field;
    }
}
