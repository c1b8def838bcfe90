package dev.pdpkit.codegen;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Every naming rule of the generated code.
 *
 * <ul>
 *   <li>Models, enums and unions keep their {@code components/schemas} name ({@code Database}).</li>
 *   <li>A service is named after its {@code x-sdk-group}: every segment but the last is singularised, the last is
 *       kept, all in PascalCase, plus {@code Service}: {@code projects} &rarr; {@code ProjectsService},
 *       {@code projects.databases} &rarr; {@code ProjectDatabasesService}, {@code workspaces.serviceTokens} &rarr;
 *       {@code WorkspaceServiceTokensService}. The child accessor is the last segment: {@code databases()}.</li>
 *   <li>Params and response envelopes are named {@code <Group><Method>Params} / {@code <Group><Method>Response}, where
 *       every group segment is singularised: {@code projects}/{@code create} &rarr; {@code ProjectCreateParams},
 *       {@code databases.connections}/{@code create} &rarr; {@code DatabaseConnectionCreateParams},
 *       {@code buckets.keys}/{@code list} &rarr; {@code BucketKeyListParams}, {@code databases}/{@code listBackups}
 *       &rarr; {@code DatabaseListBackupsResponse}.</li>
 *   <li>Singular of a segment: {@code …ies} &rarr; {@code …y}, {@code …sses} &rarr; {@code …ss}, otherwise one
 *       trailing {@code s} is dropped unless the word ends in {@code ss}; other words are kept ({@code me}).</li>
 *   <li>Members keep their JSON name when it is a Java identifier, otherwise they are camel-cased
 *       ({@code service-tokens} &rarr; {@code serviceTokens}); a Java keyword gets a trailing underscore.</li>
 *   <li>Enum constants upper-case the value and turn every other character into {@code _}:
 *       {@code us-east-1} &rarr; {@code US_EAST_1}; a leading digit gets a leading {@code _}.</li>
 * </ul>
 */
final class Naming {
    private static final Pattern NON_ALNUM = Pattern.compile("[^A-Za-z0-9]+");

    /** Type names that would shadow types the generated code uses unqualified. */
    static final Set<String> RESERVED_TYPE_NAMES = Set.of("Object", "String", "Boolean", "Long", "Integer", "Override",
            "Deprecated", "SuppressWarnings", "List", "Map", "Set", "Optional", "Objects", "Builder", "Known", "Unknown",
            "WithRawResponse", "JsonField", "Page", "RawResponse", "RequestOptions", "Collections", "LinkedHashMap",
            "ArrayList", "BigDecimal", "OffsetDateTime", "LocalDate");

    private Naming() {
    }

    /**
     * @param s a word or identifier in any case style
     * @return it in PascalCase
     */
    static String pascal(String s) {
        String camel = camel(s);
        return camel.isEmpty() ? camel : Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
    }

    /**
     * @param s a word or identifier in any case style ({@code service-tokens}, {@code serviceTokens}, {@code a_b})
     * @return it in camelCase; an identifier that is already camelCase is returned unchanged
     */
    static String camel(String s) {
        String[] parts = NON_ALNUM.split(s);
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            if (sb.length() == 0) {
                sb.append(Character.toLowerCase(part.charAt(0))).append(part.substring(1));
            } else {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }

    /**
     * @param jsonName a JSON member or parameter name
     * @return the Java identifier for its accessor and setter
     */
    static String member(String jsonName) {
        String name = SourceVersion.isIdentifier(jsonName) && !jsonName.contains("$") ? jsonName : camel(jsonName);
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            name = "_" + name;
        }
        return SourceVersion.isKeyword(name) || name.equals("_") ? name + "_" : name;
    }

    /**
     * @param value an enum value
     * @return the constant name
     */
    static String constant(String value) {
        String name = NON_ALNUM.matcher(value).replaceAll("_").toUpperCase(Locale.ROOT);
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        return name;
    }

    /**
     * @param word a group segment such as {@code serviceTokens}
     * @return its singular, see the class comment
     */
    static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 3) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 1) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /**
     * @param group the group segments
     * @return the prefix of params and response names: every segment singular, PascalCase
     */
    static String groupTypePrefix(List<String> group) {
        StringBuilder sb = new StringBuilder();
        for (String segment : group) {
            sb.append(pascal(singular(segment)));
        }
        return sb.toString();
    }

    /**
     * @param group the group segments
     * @return the service class name
     */
    static String serviceClass(List<String> group) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < group.size(); i++) {
            String segment = group.get(i);
            sb.append(pascal(i == group.size() - 1 ? segment : singular(segment)));
        }
        return sb.append("Service").toString();
    }

    /**
     * @param schemaName a model name
     * @return the name of its codec class
     */
    static String codecClass(String schemaName) {
        return schemaName + "Codec";
    }

    /**
     * @param s any string
     * @return true when it is a valid, non-keyword Java identifier
     */
    static boolean isIdentifier(String s) {
        return SourceVersion.isName(s) && !s.contains(".");
    }
}
