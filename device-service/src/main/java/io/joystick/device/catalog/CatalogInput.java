package io.joystick.device.catalog;

/** The fields every catalog entry is created or changed with; a catalog's input record may add its own. */
public interface CatalogInput {

    String id();

    /** Required on create; null on a PATCH leaves the name as it is. */
    String name();

    /** Null leaves the description as it is (empty on create). */
    String description();
}
