package io.chainwright.junit;

import io.chainwright.api.UsageException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.opentest4j.TestAbortedException;

/** Reads the one static field of a type that a devnet test class declares: its network, backend or devnet spec. */
public final class StaticFields {
  private StaticFields() {}

  /** The value of {@code testClass}'s static field of {@code type}, if it has one; several are an error. */
  public static <T> Optional<T> one(Class<?> testClass, Class<T> type) {
    List<Field> fields = ReflectionSupport.findFields(testClass,
        f -> Modifier.isStatic(f.getModifiers()) && type.isAssignableFrom(f.getType()), HierarchyTraversalMode.TOP_DOWN);
    if (fields.size() > 1) {
      throw new UsageException(testClass.getSimpleName() + " has several static " + type.getSimpleName()
          + " fields (" + fields.stream().map(Field::getName).toList() + "); keep one");
    }
    return fields.stream().findFirst().map(f -> {
      try {
        f.setAccessible(true);
        return type.cast(f.get(null));
      } catch (IllegalAccessException e) {
        throw new UsageException("Cannot read " + testClass.getSimpleName() + "." + f.getName(), e);
      } catch (ExceptionInInitializerError e) {
        // A static field that skipped the class while initialising (a missing test tool) skips it, not fails it.
        if (e.getCause() instanceof TestAbortedException aborted) {
          throw aborted;
        }
        throw e;
      }
    });
  }
}
