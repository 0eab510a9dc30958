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

    /** Readers and writers refusing unknown properties and accepting enum values in any case. */
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

    /**
     * Reads a definition in JSON.
     *
     * @param text the JSON
     * @return the démarche
     * @throws org.opengru.core.error.ValidationException naming the JSON path and the value of each problem
     */
    public Procedure fromJson(String text) {
        return read(json, text);
    }

    /**
     * Reads a definition in YAML.
     *
     * @param text the YAML
     * @return the démarche
     * @throws org.opengru.core.error.ValidationException naming the path and the value of each problem
     */
    public Procedure fromYaml(String text) {
        return read(yaml, text);
    }

    /**
     * Reads JSON or YAML by the file's extension ({@code .json}, {@code .yaml}, {@code .yml}).
     *
     * @param file a {@code .json}, {@code .yaml} or {@code .yml} file
     * @return the démarche
     * @throws org.opengru.core.error.ValidationException naming the path and the value of each problem, or the file's
     *     unknown extension
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
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

    /**
     * Reads a definition in JSON from a stream (a resource of the application).
     *
     * @param in the UTF-8 JSON
     * @return the démarche
     * @throws org.opengru.core.error.ValidationException naming the JSON path and the value of each problem
     * @throws java.io.UncheckedIOException when the stream cannot be read
     */
    public Procedure fromJson(InputStream in) {
        try {
            return fromJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a definition in JSON, as {@link #fromJson(String)} reads it back.
     *
     * @param procedure the démarche
     * @return indented JSON
     */
    public String toJson(Procedure procedure) {
        return json.writeValueAsString(procedure);
    }

    /**
     * Writes a definition in YAML, as {@link #fromYaml(String)} reads it back.
     *
     * @param procedure the démarche
     * @return the YAML
     */
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
