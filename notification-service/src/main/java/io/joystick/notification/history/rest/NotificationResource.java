package io.joystick.notification.history.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.joystick.auth.error.SuccessBody;
import io.joystick.auth.permission.Caller;
import io.joystick.notification.history.service.HistoryPage;
import io.joystick.notification.history.service.NotificationHistory;
import io.joystick.notification.store.Viewer;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class NotificationResource {

    public static final int MAX_PER_PAGE = 100;
    /** The last page whose first item, (page - 1) * perPage, still fits the int the database paging takes. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_PER_PAGE + 1;

    private final NotificationHistory history;
    private final SecurityIdentity identity;

    public NotificationResource(NotificationHistory history, SecurityIdentity identity) {
        this.history = history;
        this.identity = identity;
    }

    @GET
    public HistoryPage list(@QueryParam("page") @DefaultValue("1") @Min(1) @Max(MAX_PAGE) int page,
            @QueryParam("perPage") @DefaultValue("30") @Min(1) @Max(MAX_PER_PAGE) int perPage,
            @QueryParam("unread") @DefaultValue("false") boolean unread) {
        return history.list(viewer(), page, perPage, unread);
    }

    @POST
    @Path("/{id}/seen")
    public SuccessBody seen(@PathParam("id") String id) {
        history.markSeen(viewer(), id);
        return SuccessBody.OK;
    }

    @POST
    @Path("/{id}/dismiss")
    public SuccessBody dismiss(@PathParam("id") String id) {
        history.dismiss(viewer(), id);
        return SuccessBody.OK;
    }

    @POST
    @Path("/seen-all")
    public SeenAll seenAll() {
        return new SeenAll(true, history.markAllSeen(viewer()));
    }

    /** How many notifications were marked seen. */
    public record SeenAll(boolean success, int updated) {
    }

    private Viewer viewer() {
        return Viewer.of(Caller.require(identity));
    }
}
