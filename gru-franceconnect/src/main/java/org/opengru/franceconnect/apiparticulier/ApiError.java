package org.opengru.franceconnect.apiparticulier;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One error of an API Particulier answer ({@code {"errors":[{code, title, detail, source, meta}]}}).
 *
 * @param code the documented numbered code, for example {@code 00429} or {@code 23003}
 * @param sourceParameter the parameter at fault ({@code source.parameter}), if given
 * @param meta for example {@code provider} or {@code retry_in}
 * @param title the error's short title
 * @param detail the error's explanation, in French
 */
public record ApiError(
        String code, String title, String detail, @Nullable String sourceParameter, Map<String, String> meta) {
    /**
     * Copies {@code meta}, so that the error stays immutable.
     *
     * @param code the documented numbered code, for example {@code 00429} or {@code 23003}
     * @param title the error's short title
     * @param detail the error's explanation, in French
     * @param sourceParameter the parameter at fault ({@code source.parameter}), if given
     * @param meta for example {@code provider} or {@code retry_in}
     */
    public ApiError {
        meta = Map.copyOf(meta);
    }
}
