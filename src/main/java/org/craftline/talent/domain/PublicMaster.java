package org.craftline.talent.domain;

/** What the public masters page shows of a consenting graduate: nothing that identifies beyond the name. */
public record PublicMaster(
        String name, String level, String honour, int masterYear, int graduationYear, String enterprise) {}
