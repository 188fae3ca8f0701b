package org.craftline.enterprises.domain;

/** An enterprise as lists, pages and the API show it. */
public record EnterpriseView(
        long id,
        String creditCode,
        String name,
        String industry,
        String regionCode,
        String regionName,
        String town,
        String sizeBand,
        String contact) {}
