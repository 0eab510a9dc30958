package org.opengru.core.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and writes procedure definitions as JSON or YAML (Jackson 3). Unknown properties are refused, so
 * that a typo in a definition is caught rather than ignored; every problem becomes a {@link
 * ValidationException} naming the JSON path and the value. Instances are immutable and thread-safe.
 */
public final class ProcedureDefinitions {

    private final ObjectMapper json;
    private final ObjectMapper yaml;

    public ProcedureDefinitions() {
        this.json = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
        this.yaml = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
    }

    public Procedure fromJson(String text) {
        return read(json, text);
    }

    public Procedure fromYaml(String text) {
        return read(yaml, text);
    }

    /** Reads JSON or YAML by the file's extension ({@code .json}, {@code .yaml}, {@code .yml}). */
    public Procedure read(Path file) {
        String name = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (name.endsWith(".json")) {
            return fromJson(text);
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return fromYaml(text);
        }
        throw new ValidationException("file", name, "must end in .json, .yaml or .yml");
    }

    public Procedure fromJson(InputStream in) {
        try {
            return fromJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String toJson(Procedure procedure) {
        return json.writeValueAsString(procedure);
    }

    public String toYaml(Procedure procedure) {
        return yaml.writeValueAsString(procedure);
    }

    private static Procedure read(ObjectMapper mapper, String text) {
        try {
            return mapper.readValue(text, Procedure.class);
        } catch (JacksonException e) {
            ValidationException cause = findCause(e);
            if (cause != null) {
                throw cause;
            }
            String path = e.getPathReference();
            throw new ValidationException(
                    path == null || path.isEmpty() ? "definition" : path, null, e.getOriginalMessage());
        }
    }

    private static @Nullable ValidationException findCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ValidationException v) {
                return v;
            }
        }
        return null;
    }
}
