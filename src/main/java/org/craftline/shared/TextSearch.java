package org.craftline.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a list's search box finds, worded so that an index finds the rows at any size of the list
 * (the students list's rule, for every growing list):
 *
 * <ul>
 *   <li>a text with a digit that could be a number ({@code G2026}, {@code 9141}) finds the numbers
 *       (student, staff, credit code) <em>starting</em> with it, as typed;
 *   <li>other text finds names: <em>containing</em> it from three characters on (a trigram index on
 *       PostgreSQL; for a list in name order, {@link #nameContains}), <em>starting</em> with it when
 *       shorter (one or two characters: a surname).
 * </ul>
 *
 * On PostgreSQL a prefix is a range in byte order ({@code COLLATE "C"}), which an index on the
 * column in that collation reads directly; H2 reads the same conditions with LIKE. A list whose
 * searched columns lie in other tables (a certificate's holder, a placement's student or unit)
 * matches those rows first and reaches its own rows through their keys, one branch per table, so
 * that its cost follows the matches rather than the list's length. Where only the list's own
 * columns are searched for a text (a list keeping a copy of a joined name, searched by number
 * through the join), the condition stays on the list's row, so that an index in the list's order
 * can serve it.
 */
public final class TextSearch {

    /** The longest text searched, in characters: a name or a number is far shorter. */
    public static final int MAX_LENGTH = 50;

    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z._/-]*[0-9][0-9A-Za-z._/-]*");

    /** How a text is searched. */
    public enum Rule {
        NUMBER,
        PREFIX,
        CONTAINS
    }

    /**
     * A searched table: the list's own ({@code key} null) or one that a list row points to by the
     * column {@code key}, joined in the list's FROM as {@code alias}.
     *
     * @param number the number column, or null
     * @param names the name columns
     */
    public record Source(
            String key, String table, String alias, String number, List<String> names, boolean nameOrdered) {

        public static Source own(String number, String... names) {
            return new Source(null, null, null, number, List.of(names), false);
        }

        public static Source via(String key, String table, String alias, String number, String... names) {
            return new Source(key, table, alias, number, List.of(names), false);
        }

        /**
         * The list's own names, by which it is ordered for a name search on PostgreSQL (an index
         * {@code ((name COLLATE "C"), …)} and the rare names' trigram index of migration V100): a
         * text of three characters or more is then found by {@link #nameContains}.
         */
        public Source inNameOrder() {
            return new Source(key, table, alias, number, names, true);
        }

        private List<String> columns(Rule rule) {
            return rule == Rule.NUMBER ? (number == null ? List.of() : List.of(number)) : names;
        }
    }

    private TextSearch() {}

    /** A number search when the text looks like one and the list has a number to search. */
    public static Rule rule(String text, boolean hasNumber) {
        if (hasNumber && NUMBER.matcher(text).matches()) {
            return Rule.NUMBER;
        }
        return text.codePointCount(0, text.length()) >= 3 ? Rule.CONTAINS : Rule.PREFIX;
    }

    /**
     * Adds the search to a list's WHERE clause.
     *
     * @param field the search box's parameter, named in the refusal of a text that is too long
     * @param table the list's table, e.g. {@code certificate}
     * @param alias its alias in the list's FROM, e.g. {@code c}; its key column is {@code id}
     */
    public static Where apply(
            Where where, String field, String q, boolean postgres, String table, String alias, Source... sources) {
        if (q == null || q.isBlank()) {
            return where;
        }
        String text = q.strip();
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new InvalidFieldException(field, "search.tooLong");
        }
        boolean hasNumber = List.of(sources).stream().anyMatch(s -> s.number() != null);
        Rule rule = rule(text, hasNumber);
        where.param("qPrefix", escapeLike(text) + "%")
                .param("qContains", "%" + escapeLike(text) + "%")
                .param("qFrom", text)
                .param("qBelow", above(text));
        List<Source> searched = List.of(sources).stream()
                .filter(s -> !s.columns(rule).isEmpty())
                .toList();
        if (!postgres || searched.stream().allMatch(s -> s.key() == null)) {
            // H2 evaluates an IN (... UNION ...) again for every row: there the joined columns
            List<String> each = new ArrayList<>();
            for (Source s : sources) {
                String at = s.key() == null ? alias : s.alias();
                s.columns(rule).forEach(c -> each.add(match(s, table, at, c, rule, postgres)));
            }
            return where.andIf(true, "(" + String.join(" OR ", each) + ")");
        }
        List<String> branches = new ArrayList<>();
        for (Source s : searched) {
            String at = s.key() == null ? "x" : "y";
            String match = "("
                    + String.join(
                            " OR ",
                            s.columns(rule).stream()
                                    .map(c -> match(s, table, at, c, rule, postgres))
                                    .toList())
                    + ")";
            branches.add("SELECT x.id FROM " + table + " x WHERE "
                    + (s.key() == null
                            ? match
                            : "x." + s.key() + " IN (SELECT y.id FROM " + s.table() + " y WHERE " + match + ")"));
        }
        return where.andIf(true, alias + ".id IN (" + String.join(" UNION ", branches) + ")");
    }

    /**
     * One searched column's condition: a list's own names in name order by {@link #nameContains} for
     * a text of three characters or more on PostgreSQL, else {@link #condition}.
     *
     * @param at the alias of the column's table in the statement
     */
    private static String match(Source s, String table, String at, String column, Rule rule, boolean postgres) {
        String qualified = at + "." + column;
        return postgres && rule == Rule.CONTAINS && s.nameOrdered() && s.key() == null
                ? nameContains(table, column, qualified)
                : condition(qualified, rule, postgres);
    }

    /** One column's condition: a range in byte order or a LIKE for a prefix, ILIKE for a substring. */
    public static String condition(String column, Rule rule, boolean postgres) {
        if (rule == Rule.CONTAINS) {
            return column + " ILIKE :qContains";
        }
        if (!postgres) {
            return column + " LIKE :qPrefix";
        }
        String bytes = "(" + column + " COLLATE \"C\")";
        return "(" + bytes + " >= :qFrom AND " + bytes + " < :qBelow)";
    }

    /** How {@link #nameContains} starts its array of names, which the planner cannot estimate (ListTotals). */
    static final String COMPUTED_NAMES = " = ANY (ARRAY(";

    /**
     * On PostgreSQL, the names of {@code table.column} containing the text (ILIKE, three characters or
     * more), as a condition that the list's index {@code ((column COLLATE "C"), …)} reads in its order,
     * so that a page of a common name stops after its rows. The names are found first: {@code
     * lower(q)}, and the "rare" names containing it (longer than three characters, or unlike their
     * lower case), which a partial trigram index holds (migration V100). No other name can contain
     * it: ILIKE compares lower cases, and a name of at most three characters equal to its lower case
     * contains a lower case of three characters or more only by being it. The names are read in the
     * whole table (they only select rows; the list's own scope still applies to the rows). They are
     * matched as {@code lower(name) LIKE lower(q)}, which is what ILIKE does, by a trigram index on
     * {@code lower(name)} (migration V102): the planner estimates that expression without the name's
     * statistics, where its estimate of an ILIKE matched the text against all of them (0.78 ms of
     * planning at a million names, 0.085 ms now).
     *
     * @param qualified the column as the list's FROM names it, e.g. {@code s.name}
     */
    public static String nameContains(String table, String column, String qualified) {
        String rare = "(char_length(y.%1$s) > 3 OR y.%1$s <> lower(y.%1$s))".formatted(column);
        return "(" + qualified + " COLLATE \"C\")" + COMPUTED_NAMES + "SELECT lower(:qFrom) UNION SELECT y." + column
                + " FROM " + table + " y WHERE " + rare + " AND lower(y." + column + ") LIKE lower(:qContains)))";
    }

    /**
     * A name column as a list orders it: in byte order on PostgreSQL (whatever the database's
     * collation), so that an index on {@code (… (column COLLATE "C") …)} serves both the order and a
     * prefix search's range, and the page stops after its rows; as it is on H2.
     */
    public static String byteOrder(String column, boolean postgres) {
        return postgres ? "(" + column + " COLLATE \"C\")" : column;
    }

    /**
     * The string after every string starting with the text, in byte order: its last character
     * raised by one. In byte order the range [text, above) is exactly the strings starting with it.
     */
    public static String above(String text) {
        int last = text.codePointBefore(text.length());
        return text.substring(0, text.length() - Character.charCount(last)) + Character.toString(last + 1);
    }

    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
