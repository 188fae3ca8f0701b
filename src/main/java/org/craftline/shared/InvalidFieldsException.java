package org.craftline.shared;

import java.util.List;

/** Several refused values of one record at once, so a form or an API caller sees them all. */
public class InvalidFieldsException extends RuntimeException {

    private final List<InvalidFieldException> problems;

    public InvalidFieldsException(List<InvalidFieldException> problems) {
        super(problems.size() + " invalid fields");
        this.problems = List.copyOf(problems);
    }

    public List<InvalidFieldException> problems() {
        return problems;
    }
}
