package org.craftline.shared;

/**
 * A record that does not exist or lies outside the caller's scope; both look the same to the
 * caller, so that another school's records cannot even be probed.
 */
public class NotFoundException extends RuntimeException {

    private final String kind;
    private final String key;

    /** A key of null: nothing the caller wrote names what is missing. */
    public NotFoundException(String kind, String key) {
        super(key == null ? kind + " not found" : kind + " not found: " + key);
        this.kind = kind;
        this.key = key;
    }

    public String kind() {
        return kind;
    }

    public String key() {
        return key;
    }
}
