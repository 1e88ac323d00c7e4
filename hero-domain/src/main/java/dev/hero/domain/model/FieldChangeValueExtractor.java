package dev.hero.domain.model;

import jakarta.validation.valueextraction.ExtractedValue;
import jakarta.validation.valueextraction.ValueExtractor;

/** Lets constraints on {@code FieldChange<@Constraint T>} check the new value, and only when one is set. */
final class FieldChangeValueExtractor implements ValueExtractor<FieldChange<@ExtractedValue ?>> {

    @Override
    public void extractValues(FieldChange<?> change, ValueReceiver receiver) {
        if (change instanceof FieldChange.SetTo<?> set) {
            receiver.value(null, set.value());
        }
    }
}
