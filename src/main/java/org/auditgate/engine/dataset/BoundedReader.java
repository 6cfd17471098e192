package org.auditgate.engine.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.auditgate.engine.RejectedInputException;

/** Reads a stream to its end, counting the bytes actually read and stopping at a limit. */
final class BoundedReader {

    /** Checks the running count of bytes read; throws to stop reading. */
    interface Guard {
        void check(long bytesSoFar);
    }

    private BoundedReader() {
    }

    /**
     * Reads {@code in} fully, calling {@code guard} after every chunk and rejecting once more than
     * {@code maxBytes} were read.
     */
    static byte[] readAll(InputStream in, long maxBytes, RejectedInputException.Kind kind, String where,
            Guard guard) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw new RejectedInputException(kind, where,
                        "holds more than " + maxBytes + " bytes, the limit for one file",
                        "Remove the file or shrink it below the limit");
            }
            guard.check(total);
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
