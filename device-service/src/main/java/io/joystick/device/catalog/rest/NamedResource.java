package io.joystick.device.catalog.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.jboss.resteasy.reactive.ResponseStatus;

import io.joystick.auth.permission.Caller;
import io.joystick.device.catalog.CatalogInput;
import io.joystick.device.catalog.repository.Named;
import io.joystick.device.catalog.repository.NamedCatalog;
import io.quarkus.security.Authenticated;

/**
 * Read for every authenticated caller (services included), written by admins only: what a model's actions run
 * is code on the devices, so a leaked service key must not be able to change it. {@code I} is the catalog's
 * input record (bound by the subclass, so the body is read and validated as that record).
 */
@Authenticated
public abstract class NamedResource<T extends Named, I extends CatalogInput> {

    protected abstract NamedCatalog<T, I> catalog();

    @GET
    @Transactional
    public List<T> list() {
        return catalog().listByName();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public T get(@PathParam("id") String id) {
        return catalog().require(id);
    }

    @POST
    @Transactional
    @RolesAllowed(Caller.ADMIN_ROLE)
    @ResponseStatus(201)
    public T create(@Valid @NotNull I input) {
        return catalog().create(input);
    }

    @PATCH
    @Path("/{id}")
    @Transactional
    @RolesAllowed(Caller.ADMIN_ROLE)
    public T update(@PathParam("id") String id, @Valid @NotNull I input) {
        return catalog().update(id, input);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @RolesAllowed(Caller.ADMIN_ROLE)
    public void delete(@PathParam("id") String id) {
        catalog().remove(id);
    }
}
