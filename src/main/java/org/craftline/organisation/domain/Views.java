package org.craftline.organisation.domain;

/** Read models of the organisation module, as lists, detail pages and the API show them. */
public final class Views {

    private Views() {}

    public record RegionView(
            long id,
            String code,
            String name,
            String nameEn,
            RegionLevel level,
            String parentCode,
            String parentName,
            int version) {}

    public record SchoolView(
            long id,
            String code,
            String name,
            String nameEn,
            String regionCode,
            String regionName,
            int foundedYear,
            int version) {}

    public record MajorView(long id, String code, String name, String nameEn, int version) {}

    public record ClassView(
            long id,
            String schoolCode,
            String schoolName,
            String majorCode,
            String majorName,
            int entryYear,
            String name,
            String adviserNumber,
            String adviserName,
            int version) {}

    public record StaffView(
            long id,
            String schoolCode,
            String schoolName,
            String staffNumber,
            String name,
            String title,
            StaffCategory category,
            boolean fullTime,
            boolean dualQualified,
            int version) {}
}
