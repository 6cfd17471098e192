package org.auditgate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.auditgate.engine.AtomicFiles;

import java.nio.file.Path;

/** Writes JSON results atomically (see {@link AtomicFiles}). */
final class JsonOutput {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    /** The JSON on one line, for the database. */
    static String compact(JsonNode json) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON could not be written", e);
        }
    }

    static void write(Path target, JsonNode json) {
        try {
            AtomicFiles.write(target, MAPPER.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON could not be written", e);
        }
    }
}
