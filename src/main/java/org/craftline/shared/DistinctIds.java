package org.craftline.shared;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Generated resident ID numbers (the demo's) that never repeat: one person, one number. Each
 * generator draws its sequence numbers from its own range, so two generators never meet; a number
 * already given moves on to the next sequence of the same gender.
 */
public final class DistinctIds {

    private final int first;
    private final int size;
    private final Set<String> given = new HashSet<>();

    /** Sequences {@code first .. first + size - 1} (of 000..999); size even, so both genders have half. */
    public DistinctIds(int first, int size) {
        if (first < 0 || size < 2 || size % 2 != 0 || first + size > 1000 || first % 2 != 0) {
            throw new IllegalArgumentException("sequence range " + first + "+" + size);
        }
        this.first = first;
        this.size = size;
    }

    /** A valid ID of the region and birth date, of the gender, from the drawn number (any int ≥ 0). */
    public String next(String region, LocalDate birth, boolean male, int drawn) {
        String prefix = region + birth.toString().replace("-", "");
        int half = size / 2;
        for (int step = 0; step < half; step++) {
            int sequence = first + ((drawn + step) % half) * 2 + (male ? 1 : 0);
            String body = prefix + String.format("%03d", sequence);
            String id = body + ResidentIds.checkCharacter(body);
            if (given.add(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no free sequence left for " + prefix);
    }
}
