package io.joystick.suite.story;

import java.util.Map;

/** The story on embedded defaults: H2 files, one instance of each service (what `./joystick up` runs). */
class StoryIT extends Story {

    @Override
    Map<String, String> storage(String service) {
        return Map.of();
    }

    @Override
    NotificationUrls startNotifications() throws Exception {
        String url = suite.start("notification-service", Map.of()).url();
        return new NotificationUrls(url, url);
    }
}
