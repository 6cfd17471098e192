package org.auditgate.cli;

/**
 * Makes text that a vendor or an uploader wrote safe to print on a terminal: control characters
 * (which could move the cursor, clear the screen or forge lines of output) become '?'.
 */
final class TerminalText {

    private TerminalText() {
    }

    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? '?' : c));
        return out.toString();
    }
}
