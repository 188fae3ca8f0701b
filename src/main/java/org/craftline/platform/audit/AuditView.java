package org.craftline.platform.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit entry as a reader sees it: the action and the record kind in the page's language, and
 * the stored before/after values as a list of fields (only the changed ones of an update), each
 * field named in the page's language where the message files know it. Values are shown as stored,
 * which is masked where the record masks them.
 */
@Component
class AuditView {

    private static final int MAX_VALUE = 200;

    private final JsonMapper json;
    private final MessageSource messages;

    AuditView(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    record Change(String field, String before, String after) {}

    record Row(AuditQueries.AuditEntry entry, String action, String type, List<Change> changes) {}

    Row of(AuditQueries.AuditEntry e, Locale locale) {
        return new Row(
                e,
                text("audit.action." + e.action(), e.action(), locale),
                text("audit.kind." + e.entityType(), e.entityType(), locale),
                changes(e, locale));
    }

    private List<Change> changes(AuditQueries.AuditEntry e, Locale locale) {
        Map<String, String> before = fields(e.beforeJson());
        Map<String, String> after = fields(e.afterJson());
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        boolean update = !before.isEmpty() && !after.isEmpty();
        List<Change> changes = new ArrayList<>();
        for (String name : names) {
            String was = before.get(name);
            String now = after.get(name);
            if (!update || !Objects.equals(was, now)) {
                changes.add(new Change(text("audit.field." + name, name, locale), was, now));
            }
        }
        return changes;
    }

    /** A stored JSON object as field name to shown value; anything else as one unnamed value. */
    private Map<String, String> fields(String stored) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        if (stored == null || stored.isBlank()) {
            return fields;
        }
        JsonNode node;
        try {
            node = json.readTree(stored);
        } catch (RuntimeException truncatedOrNotJson) {
            fields.put("value", shorten(stored));
            return fields;
        }
        if (!node.isObject()) {
            fields.put("value", shorten(node.isValueNode() ? node.asString() : node.toString()));
            return fields;
        }
        for (var field : node.properties()) {
            JsonNode v = field.getValue();
            fields.put(field.getKey(), v.isNull() ? null : shorten(v.isValueNode() ? v.asString() : v.toString()));
        }
        return fields;
    }

    private String text(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }

    private static String shorten(String value) {
        return value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - 1) + "…";
    }
}
