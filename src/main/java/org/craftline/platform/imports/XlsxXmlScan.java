package org.craftline.platform.imports;

/**
 * A byte-level walk over one UTF-8 XML part of an .xlsx, fed buffer by buffer by {@link XlsxGuard}:
 * counts characters, nesting and cells, and keeps at most one tag; refuses with the limit it finds.
 */
final class XlsxXmlScan {

    private final ImportSettings limits;
    private final byte[] tag = new byte[XlsxGuard.MAX_TAG];
    private int tagLength = -1; // -1: between tags
    private byte quote;
    private int entity = -1; // -1: not inside an entity reference
    private int depth;
    private boolean inRow;
    private int cells;
    private long cellChars;
    private long rowChars;

    XlsxXmlScan(ImportSettings limits) {
        this.limits = limits;
    }

    /** XML parts start with '<' (after a UTF-8 BOM or blanks); UTF-16 XML is refused. */
    static boolean startsAsXml(byte[] head, int length) {
        if (length >= 2
                && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                        || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                        || (head[0] == '<' && head[1] == 0)
                        || (head[0] == 0 && head[1] == '<'))) {
            throw new ImportFileException("import.file.unreadable");
        }
        int i = length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF ? 3 : 0;
        while (i < length && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) {
            i++;
        }
        return i < length && head[i] == '<';
    }

    void feed(byte[] bytes, int length) {
        int i = 0;
        while (i < length) {
            if (tagLength >= 0) {
                i = inTag(bytes, i, length);
            } else if (entity >= 0) {
                inEntity(bytes[i++]);
            } else {
                i = inText(bytes, i, length);
            }
        }
    }

    /** Counts a run of text up to the next tag or entity: one character per UTF-8 lead byte. */
    private int inText(byte[] bytes, int from, int length) {
        int i = from;
        long chars = 0;
        while (i < length) {
            byte b = bytes[i];
            if (b == '<' || b == '&') {
                break;
            }
            if ((b & 0xC0) != 0x80) {
                chars++;
            }
            i++;
        }
        if (chars > 0) {
            text(chars);
        }
        if (i < length) {
            if (bytes[i] == '<') {
                tagLength = 0;
            } else {
                entity = 0;
                text(1); // the entity is one character
            }
            i++;
        }
        return i;
    }

    private void inEntity(byte b) {
        if (b == ';') {
            entity = -1;
        } else if (++entity > 12) {
            throw new ImportFileException("import.file.unreadable");
        }
    }

    private void text(long chars) {
        cellChars += chars;
        if (cellChars > limits.maxCellChars()) {
            throw new ImportFileException("import.limit.cell", limits.maxCellChars());
        }
        if (inRow) {
            rowChars += chars;
            if (rowChars > limits.maxRowChars()) {
                throw new ImportFileException("import.limit.row", limits.maxRowChars());
            }
        }
    }

    /** Copies the tag (at most {@code XlsxGuard.MAX_TAG} bytes) up to its end, then looks at it. */
    private int inTag(byte[] bytes, int from, int length) {
        int i = from;
        while (i < length) {
            byte b = bytes[i++];
            if (quote != 0) {
                quote = b == quote ? 0 : quote;
            } else if ((b == '"' || b == '\'') && tagLength > 0 && tag[0] != '!') {
                quote = b;
            } else if (b == '>' && tagEnds()) {
                endTag();
                tagLength = -1;
                return i;
            }
            if (tagLength == XlsxGuard.MAX_TAG) {
                throw new ImportFileException("import.limit.tag", XlsxGuard.MAX_TAG / 1024);
            }
            tag[tagLength++] = b;
        }
        return i;
    }

    /** A comment or CDATA section may hold '>': it ends only at its own closing sequence. */
    private boolean tagEnds() {
        if (startsWith("!--")) {
            return tagLength >= 5 && tag[tagLength - 1] == '-' && tag[tagLength - 2] == '-';
        }
        if (startsWith("![CDATA[")) {
            return tagLength >= 10 && tag[tagLength - 1] == ']' && tag[tagLength - 2] == ']';
        }
        return true;
    }

    private void endTag() {
        if (startsWith("!DOCTYPE") || startsWith("!ENTITY")) {
            throw new ImportFileException("import.file.unreadable");
        }
        if (startsWith("![CDATA[")) {
            text(tagLength - 10);
            return;
        }
        if (tagLength == 0 || tag[0] == '?' || tag[0] == '!') {
            return;
        }
        if (tag[0] == '/') {
            depth--;
            if (localNameIs(1, "row")) {
                inRow = false;
            }
            return;
        }
        boolean empty = tag[tagLength - 1] == '/';
        if (!empty && ++depth > limits.maxXmlDepth()) {
            throw new ImportFileException("import.limit.depth", limits.maxXmlDepth());
        }
        startElement(empty);
    }

    private void startElement(boolean empty) {
        if (localNameIs(0, "row")) {
            inRow = !empty;
            cells = 0;
            rowChars = 0;
            String r = attribute("r");
            if (r != null && rowNumber(r) > limits.maxRows()) {
                throw new ImportFileException("import.limit.rows", limits.maxRows());
            }
        } else if (localNameIs(0, "c")) {
            cellChars = 0;
            if (inRow && ++cells > limits.maxColumns()) {
                throw new ImportFileException("import.limit.columns", limits.maxColumns());
            }
            String r = attribute("r");
            if (r != null && (column(r) > limits.maxColumns() || rowNumber(r) > limits.maxRows())) {
                throw new ImportFileException("import.limit.columns", limits.maxColumns());
            }
        } else if (localNameIs(0, "si")) {
            cellChars = 0;
        }
    }

    private boolean startsWith(String prefix) {
        if (tagLength < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (tag[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the tag's name from {@code from}, without a namespace prefix, is {@code name}. */
    private boolean localNameIs(int from, String name) {
        int end = from;
        while (end < tagLength && !isBlank(tag[end]) && tag[end] != '/') {
            end++;
        }
        int start = end;
        while (start > from && tag[start - 1] != ':') {
            start--;
        }
        if (end - start != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (tag[start + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The value of an unprefixed attribute of the current tag, or null. */
    private String attribute(String name) {
        for (int i = 1; i + name.length() + 2 < tagLength; i++) {
            if (!isBlank(tag[i - 1]) || !matches(i, name)) {
                continue;
            }
            int at = i + name.length();
            while (at < tagLength && isBlank(tag[at])) {
                at++;
            }
            if (at + 1 >= tagLength || tag[at] != '=') {
                continue;
            }
            at++;
            while (at < tagLength && isBlank(tag[at])) {
                at++;
            }
            byte q = tag[at];
            int end = at + 1;
            while (end < tagLength && tag[end] != q) {
                end++;
            }
            return new String(tag, at + 1, Math.max(0, end - at - 1), java.nio.charset.StandardCharsets.UTF_8);
        }
        return null;
    }

    private boolean matches(int at, String name) {
        for (int i = 0; i < name.length(); i++) {
            if (tag[at + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** The column of a reference such as {@code AB12} (A = 1); beyond XFD it only needs to be large. */
    static long column(String reference) {
        long column = 0;
        for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            if (column > Integer.MAX_VALUE) {
                return column;
            }
        }
        return column;
    }

    /** The row of {@code AB12} or {@code 12}; anything unreadable counts as beyond the grid. */
    static long rowNumber(String reference) {
        int i = 0;
        while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
            i++;
        }
        String digits = reference.substring(i);
        if (digits.isEmpty()) {
            return 0;
        }
        if (digits.length() > 10 || !digits.chars().allMatch(Character::isDigit)) {
            return Long.MAX_VALUE;
        }
        return Long.parseLong(digits);
    }
}
