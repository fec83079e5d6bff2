package io.joystick.device.catalog.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.joystick.auth.common.Ids;
import io.joystick.auth.error.ApiException;
import io.joystick.device.catalog.CatalogInput;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/**
 * The CRUD that models and actions share; looked up by id or by name. {@code I} is the catalog's input: the
 * shared fields, and whatever {@link #applyCreate} and {@link #applyUpdate} set besides.
 */
public abstract class NamedCatalog<T extends Named, I extends CatalogInput>
        implements PanacheRepositoryBase<T, String> {

    protected abstract String kind();

    protected abstract Supplier<T> factory();

    public List<T> listByName() {
        return listAll(Sort.by("name"));
    }

    public Optional<T> findByIdOrName(String idOrName) {
        Optional<T> byId = findByIdOptional(idOrName);
        return byId.isPresent() ? byId : find("name", idOrName).firstResultOptional();
    }

    public T require(String idOrName) {
        return findByIdOrName(idOrName).orElseThrow(() -> ApiException.notFound(kind() + " not found: " + idOrName));
    }

    public T create(I input) {
        if (input.name() == null) {
            throw ApiException.badRequest("name: must not be blank");
        }
        if (input.id() != null && findByIdOptional(input.id()).isPresent()) {
            throw ApiException.conflict(kind() + " already exists: " + input.id());
        }
        if (find("name", input.name()).firstResultOptional().isPresent()) {
            throw ApiException.conflict(kind() + " name already in use: " + input.name());
        }
        T entity = factory().get();
        entity.id = input.id() != null ? input.id() : Ids.next();
        entity.name = input.name();
        entity.description = input.description() == null ? "" : input.description();
        entity.created = Instant.now();
        entity.updated = entity.created;
        applyCreate(entity, input);
        UniqueInsert.run(() -> persistAndFlush(entity),
                kind() + " id or name already in use: " + entity.id + ", " + entity.name);
        return entity;
    }

    public T update(String idOrName, I input) {
        T entity = require(idOrName);
        if (input.name() != null) {
            Optional<T> sameName = find("name", input.name()).firstResultOptional();
            if (sameName.isPresent() && !sameName.get().id.equals(entity.id)) {
                throw ApiException.conflict(kind() + " name already in use: " + input.name());
            }
            entity.name = input.name();
        }
        if (input.description() != null) {
            entity.description = input.description();
        }
        applyUpdate(entity, input);
        entity.updated = Instant.now();
        return entity;
    }

    /** Sets what the catalog's input adds to the shared fields, on a new entry (before it is inserted). */
    protected void applyCreate(T entity, I input) {
    }

    /** Sets what the catalog's input adds to the shared fields, on a PATCH (absent fields stay as they are). */
    protected void applyUpdate(T entity, I input) {
    }

    public void remove(String idOrName) {
        T entity = require(idOrName);
        refuseRemovalIfInUse(entity);
        delete(entity);
    }

    /** Throws a 409 when something still refers to the entity and would not go with it. */
    protected void refuseRemovalIfInUse(T entity) {
    }
}
