package org.opengru.documents.ingest.internal;

/** PDF lexical classes (ISO 32000-1, 7.2.2). */
final class PdfSyntax {
    private PdfSyntax() {}

    static boolean isWhitespace(int c) {
        return c == 0 || c == 9 || c == 10 || c == 12 || c == 13 || c == 32;
    }

    static boolean isDelimiter(int c) {
        return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/'
                || c == '%';
    }
}
