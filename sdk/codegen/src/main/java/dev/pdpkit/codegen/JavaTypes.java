package dev.pdpkit.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.pdpkit.codegen.SpecModel.ListOf;
import dev.pdpkit.codegen.SpecModel.Named;
import dev.pdpkit.codegen.SpecModel.Scalar;
import dev.pdpkit.codegen.SpecModel.TypeRef;

/**
 * Java types of spec types, and the codec expression for each.
 *
 * <p>Scalars: {@code string} &rarr; {@code String} (also {@code uri}, {@code email} and the other plain formats: an odd
 * URI never fails decoding), {@code date-time} &rarr; {@code OffsetDateTime}, {@code date} &rarr; {@code LocalDate},
 * {@code integer} &rarr; {@code Long} ({@code Integer} for {@code int32}), {@code boolean} &rarr; {@code Boolean},
 * and {@code number} &rarr; {@code BigDecimal}. {@code BigDecimal} is exact and writes back what it read: the spec
 * leaves ports, limits and counts as {@code number}, which as a {@code Double} would print {@code 5432.0} and send
 * {@code limit=10.0}. Builders add a {@code long} overload for every {@code number} field.
 */
final class JavaTypes {
    static final String ROOT = "dev.pdpkit.client";
    static final String MODEL = ROOT + ".model";
    static final String SERVICES = ROOT + ".services";
    static final String CODEC = ROOT + ".internal.codec";

    static final ClassName JSON_FIELD = ClassName.get(ROOT + ".core", "JsonField");
    static final ClassName JSON_VALUE = ClassName.get(ROOT + ".core", "JsonValue");
    static final ClassName PAGE = ClassName.get(ROOT + ".core", "Page");
    static final ClassName RAW_RESPONSE = ClassName.get(ROOT + ".core", "RawResponse");
    static final ClassName REQUEST_OPTIONS = ClassName.get(ROOT + ".core", "RequestOptions");
    static final ClassName CLIENT_CONTEXT = ClassName.get(ROOT + ".internal", "ClientContext");
    static final ClassName API_REQUEST = ClassName.get(ROOT + ".internal.http", "ApiRequest");
    static final ClassName RESPONSE_BODY = ClassName.get(ROOT + ".internal.http", "ResponseBody");
    static final ClassName JSON_CODEC = ClassName.get(ROOT + ".internal.json", "JsonCodec");
    static final ClassName JSON_SUPPORT = ClassName.get(ROOT + ".internal.json", "JsonSupport");
    static final ClassName CODECS = ClassName.get(ROOT + ".internal.json", "Codecs");
    static final ClassName TO_STRING = ClassName.get(ROOT + ".internal.json", "ToStringHelper");
    static final ClassName ERRORS = ClassName.get(ROOT + ".errors", "PrismaApiException");
    static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    static final ClassName OBJECT_NODE = ClassName.get("com.fasterxml.jackson.databind.node", "ObjectNode");

    static final ClassName STRING = ClassName.get(String.class);
    static final ClassName BIG_DECIMAL = ClassName.get("java.math", "BigDecimal");
    static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName MAP = ClassName.get("java.util", "Map");
    static final ClassName SET = ClassName.get("java.util", "Set");
    static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
    static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
    static final ClassName COLLECTIONS = ClassName.get("java.util", "Collections");
    static final ClassName DATE_TIME_FORMATTER = ClassName.get("java.time.format", "DateTimeFormatter");
    static final TypeName STRING_OBJECT_MAP = ParameterizedTypeName.get(MAP, STRING, ClassName.OBJECT);
    static final TypeName STRING_LIST = ParameterizedTypeName.get(LIST, STRING);
    static final TypeName QUERY_MAP = ParameterizedTypeName.get(MAP, STRING, STRING_LIST);

    private JavaTypes() {
    }

    /**
     * @param type a spec type
     * @return its Java type (always a reference type)
     */
    static TypeName of(TypeRef type) {
        if (type instanceof Scalar) {
            switch (((Scalar) type).kind()) {
                case STRING: return STRING;
                case BOOLEAN: return ClassName.get(Boolean.class);
                case LONG: return ClassName.get(Long.class);
                case INTEGER: return ClassName.get(Integer.class);
                case DECIMAL: return BIG_DECIMAL;
                case DATE_TIME: return ClassName.get("java.time", "OffsetDateTime");
                case DATE: return ClassName.get("java.time", "LocalDate");
                default: throw new IllegalStateException();
            }
        }
        if (type instanceof Named) {
            return model(((Named) type).name());
        }
        return ParameterizedTypeName.get(LIST, of(((ListOf) type).item()));
    }

    /**
     * @param type a spec type
     * @return an expression of its {@code JsonCodec}
     */
    static CodeBlock codec(TypeRef type) {
        if (type instanceof Scalar) {
            return CodeBlock.of("$T.$L", CODECS, ((Scalar) type).kind().name());
        }
        if (type instanceof Named) {
            return CodeBlock.of("$T.INSTANCE", codecClass(((Named) type).name()));
        }
        return CodeBlock.of("$T.listOf($L)", CODECS, codec(((ListOf) type).item()));
    }

    /**
     * @param type a spec type
     * @return true for {@code number} (which gets a {@code long} setter overload)
     */
    static boolean isDecimal(TypeRef type) {
        return type instanceof Scalar && ((Scalar) type).kind() == SpecModel.ScalarKind.DECIMAL;
    }

    /**
     * @param type a spec type
     * @return true for arrays (whose setters copy the list)
     */
    static boolean isList(TypeRef type) {
        return type instanceof ListOf;
    }

    static ClassName model(String name) {
        return ClassName.get(MODEL, name);
    }

    static ClassName codecClass(String name) {
        return ClassName.get(CODEC, Naming.codecClass(name));
    }

    static TypeName jsonField(TypeName value) {
        return ParameterizedTypeName.get(JSON_FIELD, value);
    }
}
