# The origins of deploy/varnish/masthead.vcl in docker-compose.yml's `scale` profile: two Masthead
# instances at fixed addresses on the compose network, the only clients allowed to purge.

backend masthead_a {
    .host = "172.28.0.11";
    .port = "3000";
    .probe = masthead_health;
}

backend masthead_b {
    .host = "172.28.0.12";
    .port = "3000";
    .probe = masthead_health;
}

acl purgers {
    "172.28.0.11";
    "172.28.0.12";
}

sub vcl_init {
    new origin = directors.round_robin();
    origin.add_backend(masthead_a);
    origin.add_backend(masthead_b);
}
