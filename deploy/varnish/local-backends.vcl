# An example masthead-backends.vcl (see deploy/varnish/masthead.vcl): the origins, and who may
# purge, for a single `npm start` on this machine.

backend masthead_1 {
    .host = "127.0.0.1";
    .port = "3000";
    .probe = masthead_health;
}

# The Masthead servers (they purge on every change; PURGE_URLS names this Varnish).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new origin = directors.round_robin();
    origin.add_backend(masthead_1);
}
