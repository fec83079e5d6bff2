package io.joystick.device.run;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;

import io.joystick.auth.error.ApiException;

/**
 * The JSON Schemas of run parameters (networknt json-schema-validator, draft 2020-12 unless the schema
 * names another). Compiled schemas are cached by their text.
 */
@ApplicationScoped
public class ParameterSchemas {

    /** Only the meta-schemas may be loaded: a {@code $ref} to a URL must not make this service fetch it. */
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(ParameterSchemas::isMetaSchema))));
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private static boolean isMetaSchema(AbsoluteIri iri) {
        String value = iri.toString();
        return value.startsWith("https://json-schema.org/") || value.startsWith("http://json-schema.org/")
                || value.startsWith("classpath:");
    }

    /** Refuses a schema that cannot be compiled, so a broken run definition is never stored. */
    public void requireValid(JsonNode schema) {
        List<String> problems;
        try {
            problems = metaSchema().validate(schema).stream().map(ValidationMessage::getMessage).sorted().toList();
            if (problems.isEmpty()) {
                factory.getSchema(schema).initializeValidators();
            }
        } catch (RuntimeException e) {
            problems = List.of(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("parameters: not a valid JSON Schema: " + String.join("; ", problems));
        }
    }

    private JsonSchema metaSchema() {
        return compiled.computeIfAbsent(META_SCHEMA, uri -> factory.getSchema(SchemaLocation.of(uri)));
    }

    /** Every problem of the body against the schema, sorted; empty when it is valid. */
    public List<String> problems(String schemaText, JsonNode body) {
        JsonSchema schema = compiled.computeIfAbsent(schemaText, factory::getSchema);
        return schema.validate(body).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
