package dev.pdpkit.codegen;

import dev.pdpkit.codegen.SpecModel.EnumSchema;
import dev.pdpkit.codegen.SpecModel.Field;
import dev.pdpkit.codegen.SpecModel.ListOf;
import dev.pdpkit.codegen.SpecModel.Named;
import dev.pdpkit.codegen.SpecModel.NamedKind;
import dev.pdpkit.codegen.SpecModel.ObjectSchema;
import dev.pdpkit.codegen.SpecModel.Operation;
import dev.pdpkit.codegen.SpecModel.Param;
import dev.pdpkit.codegen.SpecModel.Response;
import dev.pdpkit.codegen.SpecModel.ResponseKind;
import dev.pdpkit.codegen.SpecModel.Scalar;
import dev.pdpkit.codegen.SpecModel.ScalarKind;
import dev.pdpkit.codegen.SpecModel.TypeRef;
import dev.pdpkit.codegen.SpecModel.UnionSchema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the OpenAPI document and turns it into a {@link SpecModel}, checking the conventions the generator relies on
 * (see {@code openapi/README.md}). Anything it does not understand is a {@link SpecException}, never a silent skip.
 */
final class SpecLoader {
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final String RESPONSE_REF = "#/components/responses/";
    private static final String PARAMETER_REF = "#/components/parameters/";
    private static final String REQUEST_BODY_REF = "#/components/requestBodies/";
    private static final String JSON = "application/json";
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> STRING_FORMATS = Set.of("uri", "uri-reference", "url", "email", "uuid",
            "hostname", "ipv4", "ipv6", "password", "byte");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final OpenAPI api;
    private final Map<String, Schema<?>> components;
    private final Map<String, NamedKind> kinds = new TreeMap<>();
    private final SortedMap<String, ObjectSchema> objects = new TreeMap<>();
    private final SortedMap<String, EnumSchema> enums = new TreeMap<>();
    private final SortedMap<String, UnionSchema> unions = new TreeMap<>();

    private SpecLoader(OpenAPI api) {
        this.api = api;
        Map<String, Schema<?>> schemas = new TreeMap<>();
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().forEach((k, v) -> schemas.put(k, v));
        }
        this.components = schemas;
    }

    /**
     * Loads and checks a spec.
     *
     * @param spec the YAML or JSON file
     * @return the model
     * @throws SpecException if the spec does not parse cleanly or breaks a convention
     */
    static SpecModel load(Path spec) {
        if (!Files.isRegularFile(spec)) {
            throw new SpecException(spec.toString(), "no such file");
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(spec.toAbsolutePath().toString(), null,
                options);
        if (result.getOpenAPI() == null || (result.getMessages() != null && !result.getMessages().isEmpty())) {
            throw new SpecException(spec.toString(), "the parser reported " + result.getMessages());
        }
        Path parent = spec.toAbsolutePath().getParent();
        String sourceName = (parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "/")
                + spec.getFileName();
        return new SpecLoader(result.getOpenAPI()).build(sourceName);
    }

    private SpecModel build(String sourceName) {
        components.forEach((name, schema) -> kinds.put(name, classify(name, schema)));
        components.forEach((name, schema) -> {
            String where = "components.schemas." + name;
            switch (kinds.get(name)) {
                case OBJECT -> objects.put(name, new ObjectSchema(name, schema.getDescription(), fields(schema, where)));
                case ENUM -> enums.put(name, enumSchema(name, schema));
                case UNION -> unions.put(name, union(name, schema));
                default -> throw new IllegalStateException();
            }
        });
        List<Operation> operations = operations();
        return new SpecModel(sourceName, objects, enums, unions, operations);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Named schemas

    private NamedKind classify(String name, Schema<?> schema) {
        String where = "components.schemas." + name;
        if (!Naming.isIdentifier(name) || !Character.isUpperCase(name.charAt(0))) {
            throw new SpecException(where, "schema names must be PascalCase Java identifiers");
        }
        if (Naming.RESERVED_TYPE_NAMES.contains(name)) {
            throw new SpecException(where, "the name clashes with a type the generated code uses; rename the schema");
        }
        if (schema.get$ref() != null) {
            throw new SpecException(where, "a schema that is only a $ref (an alias) is not supported");
        }
        if (schema.getOneOf() != null) {
            return NamedKind.UNION;
        }
        if (schema.getAllOf() != null || schema.getAnyOf() != null || schema.getNot() != null) {
            throw new SpecException(where, "allOf/anyOf/not at schema level are not supported");
        }
        if (schema.getEnum() != null) {
            if (!"string".equals(schema.getType())) {
                throw new SpecException(where, "only string enums are supported");
            }
            return NamedKind.ENUM;
        }
        if ("object".equals(schema.getType()) || schema.getProperties() != null) {
            return NamedKind.OBJECT;
        }
        throw new SpecException(where, "a named schema must be an object, a string enum or a oneOf (found type "
                + schema.getType() + ")");
    }

    private EnumSchema enumSchema(String name, Schema<?> schema) {
        List<String> values = new ArrayList<>();
        Set<String> constants = new HashSet<>();
        for (Object value : schema.getEnum()) {
            String where = "components.schemas." + name + ".enum";
            if (!(value instanceof String)) {
                throw new SpecException(where, "enum values must be strings");
            }
            if (!constants.add(Naming.constant((String) value))) {
                throw new SpecException(where, "two values map to the constant " + Naming.constant((String) value));
            }
            values.add((String) value);
        }
        return new EnumSchema(name, schema.getDescription(), values);
    }

    private UnionSchema union(String name, Schema<?> schema) {
        String where = "components.schemas." + name;
        if (schema.getDiscriminator() == null || schema.getDiscriminator().getPropertyName() == null) {
            throw new SpecException(where, "a oneOf needs a discriminator with a propertyName");
        }
        String property = schema.getDiscriminator().getPropertyName();
        Map<String, String> mapping = schema.getDiscriminator().getMapping();
        Map<String, String> variants = new LinkedHashMap<>();
        for (Schema<?> option : schema.getOneOf()) {
            String variant = refName(option.get$ref(), where + ".oneOf");
            if (kinds.get(variant) != NamedKind.OBJECT) {
                throw new SpecException(where + ".oneOf", variant + " is not an object schema");
            }
            String value = null;
            if (mapping != null) {
                for (Map.Entry<String, String> e : mapping.entrySet()) {
                    if (Objects.equals(refName(e.getValue(), where + ".discriminator.mapping"), variant)) {
                        value = e.getKey();
                    }
                }
            }
            if (value == null) {
                value = constOf(components.get(variant), property);
            }
            if (value == null) {
                throw new SpecException(where, "cannot tell the discriminator value of " + variant
                        + ": give a mapping or a one-value enum for its '" + property + "'");
            }
            if (variants.put(value, variant) != null) {
                throw new SpecException(where, "two variants have the discriminator value '" + value + "'");
            }
        }
        return new UnionSchema(name, schema.getDescription(), property, variants);
    }

    private static String constOf(Schema<?> object, String property) {
        Schema<?> p = object.getProperties() == null ? null : object.getProperties().get(property);
        if (p != null && p.getEnum() != null && p.getEnum().size() == 1) {
            return String.valueOf(p.getEnum().get(0));
        }
        return null;
    }

    private List<Field> fields(Schema<?> schema, String where) {
        if (schema.getAdditionalProperties() instanceof Schema) {
            Schema<?> additional = (Schema<?>) schema.getAdditionalProperties();
            if (additional.getType() != null || additional.get$ref() != null || additional.getProperties() != null) {
                throw new SpecException(where, "typed additionalProperties are not supported; unknown members are "
                        + "always kept as plain values");
            }
        }
        List<Field> fields = new ArrayList<>();
        Set<String> javaNames = new HashSet<>();
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        for (String r : required) {
            if (!properties.containsKey(r)) {
                throw new SpecException(where, "required property '" + r + "' is not declared");
            }
        }
        for (Map.Entry<String, Schema> e : properties.entrySet()) {
            Field field = field(e.getKey(), e.getValue(), required.contains(e.getKey()),
                    where + ".properties." + e.getKey());
            if (!javaNames.add(field.javaName())) {
                throw new SpecException(where, "two properties map to the Java name " + field.javaName());
            }
            fields.add(field);
        }
        return fields;
    }

    private Field field(String jsonName, Schema<?> schema, boolean required, String where) {
        boolean nullable = Boolean.TRUE.equals(schema.getNullable());
        boolean secret = isSecret(schema);
        boolean deprecated = Boolean.TRUE.equals(schema.getDeprecated());
        String description = schema.getDescription();
        String defaultValue = schema.getDefault() == null ? null : String.valueOf(schema.getDefault());
        String constValue = null;
        TypeRef type;
        if ("string".equals(schema.getType()) && schema.getEnum() != null && schema.getEnum().size() == 1) {
            constValue = String.valueOf(schema.getEnum().get(0));
            type = new Scalar(ScalarKind.STRING);
        } else {
            type = type(schema, where);
        }
        return new Field(jsonName, Naming.member(jsonName), type, required, nullable, secret, deprecated, description,
                constValue, defaultValue);
    }

    private static boolean isSecret(Schema<?> schema) {
        Object secret = schema.getExtensions() == null ? null : schema.getExtensions().get("x-secret");
        return Boolean.TRUE.equals(secret) || "true".equals(secret);
    }

    /** Resolves the type of a property, parameter or array item. */
    private TypeRef type(Schema<?> schema, String where) {
        if (schema.get$ref() != null) {
            String name = refName(schema.get$ref(), where);
            return new Named(name, kinds.get(name));
        }
        if (schema.getAllOf() != null) {
            // The 3.0 way to put nullable/description/default next to a reference: allOf with one $ref.
            if (schema.getAllOf().size() != 1 || schema.getAllOf().get(0).get$ref() == null
                    || schema.getProperties() != null || schema.getType() != null) {
                throw new SpecException(where, "allOf is only supported as a wrapper of exactly one $ref");
            }
            return type(schema.getAllOf().get(0), where);
        }
        if (schema.getOneOf() != null || schema.getAnyOf() != null) {
            throw new SpecException(where, "an inline oneOf/anyOf is not supported; make it a named schema");
        }
        String type = schema.getType();
        if (type == null) {
            throw new SpecException(where, "the schema has no type and no $ref");
        }
        switch (type) {
            case "string": {
                if (schema.getEnum() != null) {
                    throw new SpecException(where, "an inline enum with several values is not supported; make it a"
                            + " named schema");
                }
                String format = schema.getFormat();
                if (format == null || STRING_FORMATS.contains(format)) {
                    return new Scalar(ScalarKind.STRING);
                }
                if (format.equals("date-time")) {
                    return new Scalar(ScalarKind.DATE_TIME);
                }
                if (format.equals("date")) {
                    return new Scalar(ScalarKind.DATE);
                }
                throw new SpecException(where, "unknown string format '" + format + "'");
            }
            case "integer":
                if (schema.getFormat() == null || schema.getFormat().equals("int64")) {
                    return new Scalar(ScalarKind.LONG);
                }
                if (schema.getFormat().equals("int32")) {
                    return new Scalar(ScalarKind.INTEGER);
                }
                throw new SpecException(where, "unknown integer format '" + schema.getFormat() + "'");
            case "number":
                if (schema.getFormat() != null && !Set.of("float", "double").contains(schema.getFormat())) {
                    throw new SpecException(where, "unknown number format '" + schema.getFormat() + "'");
                }
                return new Scalar(ScalarKind.DECIMAL);
            case "boolean":
                return new Scalar(ScalarKind.BOOLEAN);
            case "array": {
                Schema<?> items = schema instanceof ArraySchema ? ((ArraySchema) schema).getItems() : schema.getItems();
                if (items == null) {
                    throw new SpecException(where, "an array needs items");
                }
                if (Boolean.TRUE.equals(items.getNullable())) {
                    throw new SpecException(where + ".items", "nullable array items are not supported");
                }
                if (items.getEnum() != null && items.getEnum().size() == 1) {
                    throw new SpecException(where + ".items", "a constant as array item is not supported");
                }
                return new ListOf(type(items, where + ".items"));
            }
            case "object":
                throw new SpecException(where, "an inline object is not supported; make it a named schema");
            default:
                throw new SpecException(where, "unknown type '" + type + "'");
        }
    }

    private String refName(String ref, String where) {
        if (ref == null || !ref.startsWith(SCHEMA_REF)) {
            throw new SpecException(where, "expected a reference to " + SCHEMA_REF + "…, found " + ref);
        }
        String name = ref.substring(SCHEMA_REF.length());
        if (!components.containsKey(name)) {
            throw new SpecException(where, "unresolved reference " + ref);
        }
        return name;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Operations

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Map<String, String> seen = new TreeMap<>();
        Map<String, PathItem> paths = new TreeMap<>(api.getPaths() == null ? Map.of() : api.getPaths());
        for (Map.Entry<String, PathItem> e : paths.entrySet()) {
            Map<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation> byMethod = e.getValue().readOperationsMap();
            for (Map.Entry<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation> m : byMethod.entrySet()) {
                String method = m.getKey().name();
                String where = "paths." + e.getKey() + "." + method.toLowerCase(java.util.Locale.ROOT);
                if (!METHODS.contains(method)) {
                    throw new SpecException(where, "HTTP method " + method + " is not supported");
                }
                Operation op = operation(e.getKey(), e.getValue(), method, m.getValue(), where);
                String key = String.join(".", op.group()) + "#" + op.sdkMethod();
                String before = seen.put(key, op.operationId());
                if (before != null) {
                    throw new SpecException(where, "x-sdk-group/x-sdk-method " + key + " is also used by " + before);
                }
                operations.add(op);
            }
        }
        operations.sort(Comparator.comparing((Operation o) -> String.join(".", o.group()))
                .thenComparing(Operation::sdkMethod));
        return operations;
    }

    private Operation operation(String path, PathItem item, String method, io.swagger.v3.oas.models.Operation op,
                                String where) {
        if (op.getOperationId() == null) {
            throw new SpecException(where, "operationId is missing");
        }
        String groupText = extension(op, "x-sdk-group", where);
        String sdkMethod = extension(op, "x-sdk-method", where);
        List<String> group = List.of(groupText.split("\\."));
        for (String segment : group) {
            if (!Naming.isIdentifier(segment)) {
                throw new SpecException(where, "x-sdk-group segment '" + segment + "' is not a Java identifier");
            }
        }
        if (!Naming.isIdentifier(sdkMethod)) {
            throw new SpecException(where, "x-sdk-method '" + sdkMethod + "' is not a Java identifier");
        }

        // Parameters: path-level first, operation-level ones replace them by (in, name).
        Map<String, Parameter> params = new LinkedHashMap<>();
        List<Parameter> declared = new ArrayList<>();
        if (item.getParameters() != null) {
            declared.addAll(item.getParameters());
        }
        if (op.getParameters() != null) {
            declared.addAll(op.getParameters());
        }
        for (Parameter p : declared) {
            Parameter resolved = resolveParameter(p, where);
            params.put(resolved.getIn() + ":" + resolved.getName(), resolved);
        }
        List<Param> pathParams = new ArrayList<>();
        List<Param> queryParams = new ArrayList<>();
        Matcher matcher = PATH_PARAM.matcher(path);
        while (matcher.find()) {
            Parameter p = params.remove("path:" + matcher.group(1));
            if (p == null) {
                throw new SpecException(where, "path parameter {" + matcher.group(1) + "} is not declared");
            }
            TypeRef type = type(p.getSchema(), where + ".parameters." + p.getName());
            if (!(type instanceof Scalar) || ((Scalar) type).kind() != ScalarKind.STRING) {
                throw new SpecException(where + ".parameters." + p.getName(), "path parameters must be strings");
            }
            pathParams.add(new Param(p.getName(), Naming.member(p.getName()), type, true, p.getDescription(),
                    Boolean.TRUE.equals(p.getDeprecated())));
        }
        for (Parameter p : params.values()) {
            String pw = where + ".parameters." + p.getName();
            if (!"query".equals(p.getIn())) {
                throw new SpecException(pw, "parameters in '" + p.getIn() + "' are not supported");
            }
            TypeRef type = type(p.getSchema(), pw);
            checkQueryType(type, pw);
            queryParams.add(new Param(p.getName(), Naming.member(p.getName()), type,
                    Boolean.TRUE.equals(p.getRequired()), p.getDescription(), Boolean.TRUE.equals(p.getDeprecated())));
        }

        boolean hasBody = false;
        List<Field> bodyFields = List.of();
        if (op.getRequestBody() != null) {
            Schema<?> body = jsonSchema(resolveRequestBody(op.getRequestBody(), where).getContent(),
                    where + ".requestBody");
            if (body == null) {
                throw new SpecException(where + ".requestBody", "only application/json request bodies are supported");
            }
            if (body.get$ref() != null) {
                String name = refName(body.get$ref(), where + ".requestBody");
                if (kinds.get(name) != NamedKind.OBJECT) {
                    throw new SpecException(where + ".requestBody", "the body must be an object");
                }
                body = components.get(name);
            } else if (!"object".equals(body.getType()) && body.getProperties() == null) {
                throw new SpecException(where + ".requestBody", "the body must be an object");
            }
            hasBody = true;
            bodyFields = fields(body, where + ".requestBody");
        }

        Set<String> names = new HashSet<>();
        for (Param p : pathParams) {
            names.add(p.javaName());
        }
        for (Param p : queryParams) {
            if (!names.add(p.javaName())) {
                throw new SpecException(where, "the parameter name " + p.javaName() + " is used twice");
            }
        }
        for (Field f : bodyFields) {
            if (!names.add(f.javaName())) {
                throw new SpecException(where, "body property " + f.jsonName() + " has the name of a parameter");
            }
        }

        String prefix = Naming.groupTypePrefix(group) + Naming.pascal(sdkMethod);
        Response response = response(op, prefix, where);
        SortedMap<Integer, String> errors = new TreeMap<>();
        op.getResponses().forEach((code, r) -> {
            if (code.matches("[1-5][0-9][0-9]") && !code.startsWith("2")) {
                ApiResponse resolved = resolveResponse(r, where);
                errors.put(Integer.parseInt(code), resolved.getDescription());
            }
        });
        return new Operation(op.getOperationId(), method, path, group, sdkMethod, op.getSummary(), op.getDescription(),
                Boolean.TRUE.equals(op.getDeprecated()), pathParams, queryParams, hasBody, bodyFields, response,
                errors, unauthorizedMeansBodyCredential(op, where));
    }

    /** Reads {@code x-pdpkit-unauthorized}: {@code body-credential} says a 401 is about a token in the body. */
    private static boolean unauthorizedMeansBodyCredential(io.swagger.v3.oas.models.Operation op, String where) {
        Object value = op.getExtensions() == null ? null : op.getExtensions().get("x-pdpkit-unauthorized");
        if (value == null || "caller-credential".equals(value)) {
            return false;
        }
        if ("body-credential".equals(value)) {
            return true;
        }
        throw new SpecException(where, "x-pdpkit-unauthorized must be caller-credential or body-credential");
    }

    private static void checkQueryType(TypeRef type, String where) {
        TypeRef t = type instanceof ListOf ? ((ListOf) type).item() : type;
        if (t instanceof Named && ((Named) t).kind() != NamedKind.ENUM) {
            throw new SpecException(where, "a query parameter must be a scalar, an enum or an array of those");
        }
        if (t instanceof ListOf) {
            throw new SpecException(where, "nested arrays are not supported in query parameters");
        }
    }

    private Response response(io.swagger.v3.oas.models.Operation op, String prefix, String where) {
        if (op.getResponses() == null) {
            throw new SpecException(where, "no responses");
        }
        List<String> success = new ArrayList<>();
        op.getResponses().keySet().forEach(code -> {
            if (code.matches("2[0-9][0-9]")) {
                success.add(code);
            }
        });
        if (success.size() != 1) {
            throw new SpecException(where, "exactly one 2xx response is supported, found " + success);
        }
        String code = success.get(0);
        String rw = where + ".responses." + code;
        ApiResponse response = resolveResponse(op.getResponses().get(code), where);
        int status = Integer.parseInt(code);
        if (response.getContent() == null || response.getContent().isEmpty()) {
            return new Response(ResponseKind.VOID, null, status, response.getDescription());
        }
        Schema<?> schema = jsonSchema(response.getContent(), rw);
        if (schema == null) {
            throw new SpecException(rw, "only application/json responses are supported");
        }
        if (schema.get$ref() != null) {
            TypeRef type = type(schema, rw);
            if (!(type instanceof Named) || ((Named) type).kind() != NamedKind.OBJECT) {
                throw new SpecException(rw, "a response that is a $ref must point to an object schema");
            }
            return new Response(ResponseKind.WHOLE, type, status, response.getDescription());
        }
        if (!"object".equals(schema.getType()) || schema.getProperties() == null) {
            throw new SpecException(rw, "the response must be a $ref or an inline envelope object");
        }
        Map<String, Schema> props = schema.getProperties();
        Schema<?> data = props.get("data");
        if (data != null && props.size() == 1) {
            TypeRef type = type(data, rw + ".properties.data");
            if (type instanceof ListOf) {
                return new Response(ResponseKind.LIST, ((ListOf) type).item(), status, response.getDescription());
            }
            return new Response(ResponseKind.DATA, type, status, response.getDescription());
        }
        if (data != null && props.size() == 2 && props.containsKey("pagination")) {
            TypeRef type = type(data, rw + ".properties.data");
            TypeRef pagination = type(props.get("pagination"), rw + ".properties.pagination");
            if (type instanceof ListOf && pagination instanceof Named && isCursorPagination((Named) pagination)) {
                return new Response(ResponseKind.PAGE, ((ListOf) type).item(), status, response.getDescription());
            }
        }
        // Any other envelope becomes a model of its own.
        String name = prefix + "Response";
        if (components.containsKey(name) || objects.containsKey(name)) {
            throw new SpecException(rw, "the generated envelope name " + name + " is already taken");
        }
        String description = "The response of " + op.getOperationId() + ".";
        objects.put(name, new ObjectSchema(name, description, fields(schema, rw)));
        kinds.put(name, NamedKind.OBJECT);
        return new Response(ResponseKind.WHOLE, new Named(name, NamedKind.OBJECT), status, response.getDescription());
    }

    private boolean isCursorPagination(Named pagination) {
        ObjectSchema schema = objects.get(pagination.name());
        return schema != null && schema.fields().stream().anyMatch(f -> f.jsonName().equals("nextCursor"));
    }

    private static Schema<?> jsonSchema(Content content, String where) {
        if (content == null) {
            return null;
        }
        MediaType media = content.get(JSON);
        if (media == null) {
            return null;
        }
        if (media.getSchema() == null) {
            throw new SpecException(where, "the application/json content has no schema");
        }
        return media.getSchema();
    }

    private ApiResponse resolveResponse(ApiResponse response, String where) {
        if (response.get$ref() == null) {
            return response;
        }
        String ref = response.get$ref();
        String name = ref.startsWith(RESPONSE_REF) ? ref.substring(RESPONSE_REF.length()) : null;
        ApiResponse resolved = name == null || api.getComponents().getResponses() == null ? null
                : api.getComponents().getResponses().get(name);
        if (resolved == null) {
            throw new SpecException(where, "unresolved response reference " + ref);
        }
        return resolved;
    }

    private Parameter resolveParameter(Parameter p, String where) {
        if (p.get$ref() == null) {
            return p;
        }
        String ref = p.get$ref();
        String name = ref.startsWith(PARAMETER_REF) ? ref.substring(PARAMETER_REF.length()) : null;
        Parameter resolved = name == null || api.getComponents().getParameters() == null ? null
                : api.getComponents().getParameters().get(name);
        if (resolved == null) {
            throw new SpecException(where, "unresolved parameter reference " + ref);
        }
        return resolved;
    }

    private RequestBody resolveRequestBody(RequestBody body, String where) {
        if (body.get$ref() == null) {
            return body;
        }
        String ref = body.get$ref();
        String name = ref.startsWith(REQUEST_BODY_REF) ? ref.substring(REQUEST_BODY_REF.length()) : null;
        RequestBody resolved = name == null || api.getComponents().getRequestBodies() == null ? null
                : api.getComponents().getRequestBodies().get(name);
        if (resolved == null) {
            throw new SpecException(where, "unresolved request body reference " + ref);
        }
        return resolved;
    }

    private static String extension(io.swagger.v3.oas.models.Operation op, String name, String where) {
        Object value = op.getExtensions() == null ? null : op.getExtensions().get(name);
        if (!(value instanceof String) || ((String) value).isBlank()) {
            throw new SpecException(where, name + " is missing");
        }
        return (String) value;
    }
}
