package dev.pdpkit.codegen;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What the generator understood of the spec: named types, and operations with their inputs and outputs. Everything the
 * emitters need is here, already validated; the emitters never look at the OpenAPI objects.
 *
 * @param sourceName the spec path shown in the header of generated files, e.g. {@code openapi/x.yaml}
 * @param objects object schemas by name, including the generated response envelopes
 * @param enums enum schemas by name
 * @param unions {@code oneOf} schemas by name
 * @param operations the operations, sorted by group and method
 */
record SpecModel(String sourceName,
                 SortedMap<String, ObjectSchema> objects,
                 SortedMap<String, EnumSchema> enums,
                 SortedMap<String, UnionSchema> unions,
                 List<Operation> operations) {

    /** The type of a field, parameter or response. */
    sealed interface TypeRef permits Scalar, Named, ListOf {
    }

    /** The JSON scalars and how they map to Java (see {@link JavaTypes}). */
    enum ScalarKind { STRING, BOOLEAN, LONG, INTEGER, DECIMAL, DATE_TIME, DATE }

    /** What kind of named schema a reference points to. */
    enum NamedKind { OBJECT, ENUM, UNION }

    /** A JSON scalar. */
    record Scalar(ScalarKind kind) implements TypeRef {
    }

    /** A reference to a named schema of {@code components/schemas} (or a generated envelope). */
    record Named(String name, NamedKind kind) implements TypeRef {
    }

    /** A JSON array. */
    record ListOf(TypeRef item) implements TypeRef {
    }

    /**
     * A property of an object schema or of a request body.
     *
     * @param jsonName the member name in JSON
     * @param javaName the Java identifier for accessors and setters
     * @param type the value type
     * @param required listed in {@code required}
     * @param nullable {@code nullable: true}
     * @param secret {@code x-secret: true}: masked in {@code toString()}
     * @param deprecated {@code deprecated: true}
     * @param description the description, or null
     * @param constValue the value of a one-value enum (a constant such as {@code type: "database"}), or null
     * @param defaultValue the documented server-side default, or null
     */
    record Field(String jsonName, String javaName, TypeRef type, boolean required, boolean nullable, boolean secret,
                 boolean deprecated, String description, String constValue, String defaultValue) {
    }

    /**
     * An object schema.
     *
     * @param name the class name
     * @param description the description, or null
     * @param fields the properties in spec order
     */
    record ObjectSchema(String name, String description, List<Field> fields) {
    }

    /**
     * A string enum with several values.
     *
     * @param name the class name
     * @param description the description, or null
     * @param values the known values in spec order
     */
    record EnumSchema(String name, String description, List<String> values) {
    }

    /**
     * A {@code oneOf} with a discriminator.
     *
     * @param name the interface name
     * @param description the description, or null
     * @param discriminator the JSON name of the discriminator property
     * @param variants discriminator value to variant object schema, in spec order
     */
    record UnionSchema(String name, String description, String discriminator, Map<String, String> variants) {
    }

    /**
     * A path or query parameter.
     *
     * @param name the wire name
     * @param javaName the Java identifier
     * @param type the type
     * @param required whether it must be given
     * @param description the description, or null
     * @param deprecated {@code deprecated: true}
     */
    record Param(String name, String javaName, TypeRef type, boolean required, String description,
                 boolean deprecated) {
    }

    /** How the successful response body becomes the method's result. */
    enum ResponseKind {
        /** No body (204): the method returns {@code void}. */
        VOID,
        /** {@code {"data": T}}: returns T. */
        DATA,
        /** {@code {"data": [T], "pagination": {nextCursor, ...}}}: returns {@code Page<T>}. */
        PAGE,
        /** {@code {"data": [T]}}: returns {@code List<T>}. */
        LIST,
        /** Any other body: returns the body's own model. */
        WHOLE
    }

    /**
     * The successful response.
     *
     * @param kind how it is read
     * @param type the result type (DATA, WHOLE), the item type (PAGE, LIST), or null (VOID)
     * @param status the documented 2xx status
     * @param description the response description, or null
     */
    record Response(ResponseKind kind, TypeRef type, int status, String description) {
    }

    /**
     * One operation.
     *
     * @param operationId the spec's operationId
     * @param method the HTTP method, upper case
     * @param path the path template
     * @param group the {@code x-sdk-group} segments
     * @param sdkMethod the {@code x-sdk-method}
     * @param summary the summary, or null
     * @param description the description, or null
     * @param deprecated {@code deprecated: true}
     * @param pathParams path parameters in path order
     * @param queryParams query parameters in spec order
     * @param hasBody whether the operation takes a JSON request body
     * @param bodyFields the properties of the request body (empty without a body)
     * @param response the successful response
     * @param errors documented error statuses with their descriptions
     * @param unauthorizedMeansBodyCredential a 401 rejects a credential in the body, not the caller's token
     */
    record Operation(String operationId, String method, String path, List<String> group, String sdkMethod,
                     String summary, String description, boolean deprecated, List<Param> pathParams,
                     List<Param> queryParams, boolean hasBody, List<Field> bodyFields, Response response,
                     SortedMap<Integer, String> errors, boolean unauthorizedMeansBodyCredential) {

        /** @return the class name prefix of this operation's params and response, e.g. {@code ProjectCreate} */
        String typePrefix() {
            return Naming.groupTypePrefix(group) + Naming.pascal(sdkMethod);
        }

        /** @return true when the caller must give something besides path parameters */
        boolean needsMoreThanPath() {
            return queryParams.stream().anyMatch(Param::required) || bodyFields.stream().anyMatch(Field::required);
        }
    }
}
