package io.chainwright.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style every Chainwright model type uses.
 *
 * <p>A package-private {@code AbstractPort} becomes the public, immutable {@code Port} with
 * {@code Port.builder()}, {@code builder().from(port)} and {@code port.withNumber(..)}. Builders
 * skip Immutables' own null and mandatory checks ({@code ValidationMethod.NONE}) so that every
 * problem surfaces through the type's {@code @Value.Check} as a {@link ValidationException} that
 * names its path, never as a bare {@code NullPointerException} or {@code IllegalStateException}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeAbstract = "Abstract*",
    typeImmutable = "*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    depluralize = true,
    depluralizeDictionary = {"class:classes", "capability:capabilities"},
    jdkOnly = true,
    validationMethod = Value.Style.ValidationMethod.NONE,
    redactedMask = "****",
    defaults = @Value.Immutable(copy = true))
public @interface ChainwrightStyle {}
