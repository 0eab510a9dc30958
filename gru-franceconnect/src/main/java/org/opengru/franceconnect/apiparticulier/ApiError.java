package org.opengru.franceconnect.apiparticulier;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One error of an API Particulier answer ({@code {"errors":[{code, title, detail, source, meta}]}}).
 *
 * @param code the documented numbered code, for example {@code 00429} or {@code 23003}
 * @param sourceParameter the parameter at fault ({@code source.parameter}), if given
 * @param meta for example {@code provider} or {@code retry_in}
 */
public record ApiError(
        String code, String title, String detail, @Nullable String sourceParameter, Map<String, String> meta) {
    public ApiError {
        meta = Map.copyOf(meta);
    }
}
