package io.joystick.device.run.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import com.networknt.schema.resource.MetaSchemaMapper;

import io.joystick.auth.error.ApiException;

/**
 * The JSON Schemas of run parameters (networknt json-schema-validator, draft 2020-12 unless the schema
 * names another). Compiled schemas are cached by their text.
 */
@ApplicationScoped
public class ParameterSchemas {

    /**
     * Only the meta-schemas bundled in the validator's jar may be loaded (it maps json-schema.org to them):
     * nothing from the network, nothing else from the class path.
     */
    private static final Pattern BUNDLED_META_SCHEMA = Pattern.compile(
            "classpath:(draft/(2020-12|2019-09)/(schema|meta/[a-z-]+)|draft-0[467]/schema)");
    /** Keywords whose value is a reference to another schema resource. */
    private static final Set<String> REFERENCES = Set.of("$ref", "$dynamicRef", "$recursiveRef");
    /** Keywords whose values are data, not schemas: a "$ref" member there is not a reference. */
    private static final Set<String> DATA = Set.of("enum", "const", "default", "examples");
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder
                    .schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(ParameterSchemas::isMetaSchema))));
    private static final MetaSchemaMapper MAPPER = new MetaSchemaMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private static boolean isMetaSchema(AbsoluteIri iri) {
        return BUNDLED_META_SCHEMA.matcher(iri.toString()).matches();
    }

    /** Refuses a schema that cannot be compiled, so a broken run definition is never stored. */
    public void requireValid(JsonNode schema) {
        requireSelfContained(schema);
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

    /**
     * Refuses every reference that leaves the document ({@code $ref} not starting with {@code #}),
     * {@code $id} (it would make {@code #} references point at another document), and a {@code $schema}
     * other than the bundled drafts.
     */
    void requireSelfContained(JsonNode schema) {
        List<String> problems = new ArrayList<>();
        walk(schema, "", problems);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("parameters: a schema may only refer inside itself (\"$ref\": \"#/…\"): "
                    + String.join("; ", problems));
        }
    }

    private static void walk(JsonNode node, String path, List<String> problems) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, problems);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        node.fields().forEachRemaining(field -> {
            String key = field.getKey();
            JsonNode value = field.getValue();
            String at = path + "/" + key;
            if (REFERENCES.contains(key) && value.isTextual() && !value.asText().startsWith("#")) {
                problems.add(at + " refers to " + value.asText());
            } else if ("$id".equals(key) || "id".equals(key) && value.isTextual() && !path.endsWith("/properties")) {
                problems.add(at + ": identifiers are not supported");
            } else if ("$schema".equals(key) && !(value.isTextual() && bundled(value.asText()))) {
                problems.add(at + " must name a JSON Schema draft (draft-07, 2019-09, 2020-12)");
            }
            if (!DATA.contains(key)) {
                walk(value, at, problems);
            }
        });
    }

    private static boolean bundled(String metaSchema) {
        AbsoluteIri mapped = MAPPER.map(AbsoluteIri.of(metaSchema.endsWith("#")
                ? metaSchema.substring(0, metaSchema.length() - 1)
                : metaSchema));
        return mapped != null && BUNDLED_META_SCHEMA.matcher(mapped.toString()).matches();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Stored schema is not JSON", e);
        }
    }

    private JsonSchema metaSchema() {
        return compiled.computeIfAbsent(META_SCHEMA, uri -> factory.getSchema(SchemaLocation.of(uri)));
    }

    /** Every problem of the body against the schema, sorted; empty when it is valid. */
    public List<String> problems(String schemaText, JsonNode body) {
        JsonSchema schema = compiled.computeIfAbsent(schemaText, text -> {
            requireSelfContained(parse(text)); // a definition stored before references were checked
            return factory.getSchema(text);
        });
        return schema.validate(body).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
