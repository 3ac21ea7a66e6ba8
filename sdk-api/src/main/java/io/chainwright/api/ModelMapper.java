package io.chainwright.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.chainwright.api.yaml.YamlFactories;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads and writes models as YAML or JSON. Secret values are never written; a model that fails its
 * checks while being read throws {@link ValidationException} with the paths of the document.
 */
public final class ModelMapper {
  private static final ObjectMapper YAML = configure(new ObjectMapper(YamlFactories.strict()
      .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)));
  private static final ObjectMapper JSON = configure(new ObjectMapper()).enable(SerializationFeature.INDENT_OUTPUT);

  private ModelMapper() {}

  private static ObjectMapper configure(ObjectMapper mapper) {
    mapper.registerModule(new Jdk8Module())
        // Absent values are left out, but an empty string is a value: labels and env vars may be "".
        .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.ALWAYS));
    // Empty lists, sets and maps are left out; they read back as empty.
    JsonInclude.Value emptyCollections = JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS);
    mapper.configOverride(java.util.List.class).setInclude(emptyCollections);
    mapper.configOverride(java.util.Set.class).setInclude(emptyCollections);
    mapper.configOverride(java.util.Map.class).setInclude(emptyCollections);
    return mapper
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** A model value as YAML. */
  public static String toYaml(Object model) {
    return write(YAML, model);
  }

  /** A model value as JSON. */
  public static String toJson(Object model) {
    return write(JSON, model);
  }

  /** Reads a model value from YAML. */
  public static <T> T fromYaml(String yaml, Class<T> type) {
    return read(YAML, yaml, type);
  }

  /** Reads a model value from JSON. */
  public static <T> T fromJson(String json, Class<T> type) {
    return read(JSON, json, type);
  }

  private static String write(ObjectMapper mapper, Object model) {
    try {
      return mapper.writeValueAsString(model);
    } catch (JsonProcessingException e) {
      throw new RenderException("Cannot write " + model.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  private static <T> T read(ObjectMapper mapper, String text, Class<T> type) {
    try {
      return mapper.readValue(text, type);
    } catch (JsonMappingException e) {
      ValidationException invalid = findValidation(e);
      String where = documentPath(e, invalid);
      if (invalid != null) {
        Violations v = Violations.root();
        (where.isEmpty() ? v : v.in(where)).addAll(invalid);
        throw new ValidationException(v.list());
      }
      throw new ValidationException(List.of(new Violation(where, describe(e))));
    } catch (JsonProcessingException e) {
      throw new ValidationException(List.of(new Violation("", "not a readable document: " + e.getOriginalMessage())));
    }
  }

  private static String describe(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "'" + unknown.getPropertyName() + "' is not a known key (known: "
          + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
    }
    return e.getOriginalMessage();
  }

  private static ValidationException findValidation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ValidationException v) {
        return v;
      }
    }
    return null;
  }

  /**
   * The path in the document where reading failed, e.g. {@code workloads[0].containers[1]}. A
   * value whose own check failed names itself ({@code ports[rpc].number}), so the part of the
   * document path it repeats is left out.
   */
  private static String documentPath(JsonMappingException e, ValidationException invalid) {
    List<JsonMappingException.Reference> refs = new ArrayList<>(e.getPath());
    int lastField = -1;
    for (int i = 0; i < refs.size(); i++) {
      if (refs.get(i).getFieldName() != null) {
        lastField = i;
      }
    }
    if (invalid != null && lastField >= 0) {
      String field = refs.get(lastField).getFieldName();
      boolean namesItself = invalid.violations().stream().map(Violation::path)
          .allMatch(p -> p.equals(field) || p.startsWith(field + ".") || p.startsWith(field + "["));
      if (namesItself) {
        refs = refs.subList(0, lastField);
      }
    }
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
