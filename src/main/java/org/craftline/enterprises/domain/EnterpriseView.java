package org.craftline.enterprises.domain;

/**
 * An enterprise as lists, pages and the API show it. {@code staffCount} is the unit's staff as last
 * recorded (null while unknown: the 10% interns rule cannot be judged); {@code version} is what a
 * change of it must name.
 */
public record EnterpriseView(
        long id,
        String creditCode,
        String name,
        String industry,
        String regionCode,
        String regionName,
        String town,
        String sizeBand,
        String contact,
        Integer staffCount,
        int version) {}
