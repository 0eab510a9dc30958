package org.opengru.examples.portal.commune;

import org.opengru.documents.ingest.UploadRejectedException;

/** Why a file was refused, in plain French for the person who sent it (the vault's reasons are for logs). */
public final class FileRefusals {

    private FileRefusals() {}

    public static String french(UploadRejectedException e) {
        return switch (e.reason()) {
            case FILE_TOO_LARGE -> "le fichier est trop volumineux (20 Mo au plus pour un PDF, 15 Mo pour une image)";
            case DECLARED_SIZE_MISMATCH, TRUNCATED_UPLOAD -> "le fichier n'est pas arrivé en entier, réessayez";
            case EMPTY_FILE -> "le fichier est vide";
            case UNSUPPORTED_MEDIA_TYPE ->
                "ce type de fichier n'est pas accepté : envoyez un PDF ou une image JPEG, PNG, HEIC ou WebP";
            case EXTENSION_MISMATCH -> "l'extension du nom du fichier ne correspond pas à son contenu";
            case PDF_ACTIVE_CONTENT ->
                "ce PDF contient un script, un lancement de programme ou un fichier intégré, qui ne sont pas acceptés";
            case PDF_ENCRYPTED -> "ce PDF est protégé par un mot de passe : envoyez-le sans protection";
            case POLYGLOT -> "ce fichier en cache un autre, il n'est pas accepté";
            case IMAGE_TOO_LARGE -> "l'image a trop de pixels : envoyez-la dans une taille plus petite";
            case MALFORMED_FILE -> "le fichier est endommagé ou illisible";
            case INVALID_FILE_NAME -> "le nom du fichier contient des caractères qui ne sont pas acceptés";
            case INFECTED -> "un virus a été détecté dans ce fichier";
            case QUARANTINED, INGESTION_FAILED -> "le fichier n'a pas pu être vérifié, réessayez plus tard";
        };
    }
}
