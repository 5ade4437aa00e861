# The app servers behind Varnish (included by default.vcl). Edit per deployment:
# one backend per gunicorn instance, all checked with the `healthz` probe.
backend app_a {
    .host = "127.0.0.1";
    .port = "8001";
    .probe = healthz;
}

backend app_b {
    .host = "127.0.0.1";
    .port = "8002";
    .probe = healthz;
}

# Who may send PURGE: the app servers (and the worker, which sends them).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app_a);
    app.add_backend(app_b);
}
