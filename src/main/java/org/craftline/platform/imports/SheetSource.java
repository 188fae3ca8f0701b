package org.craftline.platform.imports;

import java.io.Closeable;
import java.util.Iterator;

/** The rows of an uploaded file, read one at a time (never the whole file in memory). */
interface SheetSource extends Iterator<SheetRow>, Closeable {

    /** "xlsx" or "csv". */
    String format();
}
