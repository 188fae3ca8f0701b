package org.craftline.internships.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.craftline.shared.InvalidFieldException;

/**
 * A refused class batch as the page shows it: each refused student (by number) with the message keys
 * of what it broke, and what was refused of the batch as a whole.
 */
record BatchRefusals(Map<String, List<String>> students, List<String> general) {

    private static final String PREFIX = "students[";

    static BatchRefusals of(List<InvalidFieldException> problems) {
        Map<String, List<String>> students = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (InvalidFieldException p : problems) {
            int end = p.field().indexOf(']');
            if (p.field().startsWith(PREFIX) && end > PREFIX.length()) {
                students.computeIfAbsent(p.field().substring(PREFIX.length(), end), n -> new ArrayList<>())
                        .add(p.messageKey());
            } else if (!general.contains(p.messageKey())) {
                general.add(p.messageKey());
            }
        }
        return new BatchRefusals(students, general);
    }
}
