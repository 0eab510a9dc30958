package org.opengru.examples.portal.commune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A form's errors, each tied to the field it is about (the {@code id} of its input): the summary links to
 * the fields, each field says its own error ({@code aria-invalid}, {@code aria-describedby}), and the page
 * title starts with their count. An error about no field in particular has no link.
 */
public final class FormErrors {

    /** One error: the id of the field it is about (none for the whole form), and what to do, in French. */
    public record FieldError(@Nullable String field, String message) {}

    private final List<FieldError> errors = new ArrayList<>();

    public FormErrors add(@Nullable String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size();
    }

    /** In the order they were found, which is the order of the form. */
    public List<FieldError> all() {
        return List.copyOf(errors);
    }

    /** The first error of each field, by field id, for the message under the field. */
    public Map<String, String> byField() {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldError e : errors) {
            if (e.field() != null) {
                out.putIfAbsent(e.field(), e.message());
            }
        }
        return out;
    }

    /** The error of this field, or null: what the templates ask for each input. */
    public @Nullable String of(String field) {
        return byField().get(field);
    }

    /** "2 erreurs – " before the page's title, or nothing: the first thing a screen reader says. */
    public String titlePrefix() {
        return errors.isEmpty() ? "" : errors.size() + (errors.size() > 1 ? " erreurs – " : " erreur – ");
    }
}
