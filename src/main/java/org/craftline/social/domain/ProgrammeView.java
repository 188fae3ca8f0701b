package org.craftline.social.domain;

/** A programme as lists, pages and the API show it, with its number of cohorts. */
public record ProgrammeView(
        long id,
        String schoolCode,
        String schoolName,
        String name,
        String kind,
        String occupation,
        int hours,
        String fundingSource,
        long cohorts,
        int version) {}
