# Varnish in front of the app servers: caches what the app marks public, purged on publish.
#
# The app decides what may be kept (site_core/http_caching.py): public pages, listings,
# feeds, the sitemap and robots.txt for visitors who are not logged in carry
# `Cache-Control: public, max-age=60, s-maxage=3600, stale-if-error=86400`; everything
# else is `private, no-store` and is never stored here. This file adds a second lock
# (logged-in visitors, the admin, POSTs and the restricted sections never touch the
# cache), purging (site_core/cache_purge.py sends PURGE on publish), and grace: while the
# app servers fail their health check, visitors get the last good copy for a day.
#
# backends.vcl (beside this file) names the app servers, the probe they share, who may
# purge, and the director `app`; see deploy/varnish/backends.vcl and docs/deploy.md.
vcl 4.1;

import std;
import directors;

probe healthz {
    .url = "/healthz/";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}

include "backends.vcl";

sub vcl_recv {
    set req.backend_hint = app.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        # "/path*": every cached path below; "/path": that path with any query string.
        # Bans test only obj.http.*, so the ban lurker clears them in the background.
        if (req.url ~ "\*$") {
            ban("obj.http.x-cache-host == " + req.http.host +
                " && obj.http.x-cache-path ~ ^" + regsub(req.url, "\*$", ""));
        } else {
            ban("obj.http.x-cache-host == " + req.http.host +
                " && obj.http.x-cache-path == " + req.url);
        }
        return (synth(200, "Purged"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, the health check and documents (private files, checked per request).
    if (req.url ~ "^/(admin|healthz|documents)(/|$)") {
        return (pass);
    }
    # The restricted sections and the account pages, in both languages. The app marks
    # them private anyway; this keeps them off the cache even if a page is misconfigured.
    if (req.url ~ "^/(nb|en)/(intranett|intranet|logg-inn|login|logg-ut|logout|glemt-passord|password-reset)(/|$)") {
        return (pass);
    }
    # Logged-in visitors get their own pages (the session cookie; "__Host-" in production).
    if (req.http.Cookie ~ "(^|;\s*)(__Host-)?sessionid=") {
        return (pass);
    }
    # "/" chooses a language from the language cookie: never cached, cookies kept.
    if (req.url !~ "^/(nb|en)/" && req.url !~ "^/(media|static)/" &&
        req.url !~ "^/(sitemap\.xml|robots\.txt)$") {
        return (pass);
    }
    # No other cookie changes a public response (the app makes any response that reads
    # or sets one private), so anonymous visitors share one copy.
    unset req.http.Cookie;

    # Healthy app servers: an expired copy is served for at most 30 s while a fresh one is
    # fetched. Failing app servers: the last good copy, for up to a day.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 30s;
    }
    return (hash);
}

sub vcl_backend_response {
    # Remembered with the object, so that bans can match it (see PURGE above).
    set beresp.http.x-cache-host = bereq.http.host;
    set beresp.http.x-cache-path = regsub(bereq.url, "\?.*$", "");
    set beresp.grace = 24h;

    # An app server failing while a copy exists: keep serving the copy.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # Never store what sets a cookie or is not marked public.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public" ||
        beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.x-cache-host;
    unset resp.http.x-cache-path;
}
