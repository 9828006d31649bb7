# Varnish (7.x, with varnish-modules' xkey) in front of one or more Masthead server processes.
#
# Reader pages are kept as long as their Cache-Control allows a shared cache (s-maxage: a year) and
# purged by surrogate key the moment an editor's change expires them: each page lists its cache
# tags in `xkey`, and the servers send `PURGE` with `xkey-purge: <keys>` (server/shared-cache-purge.ts,
# PURGE_URLS). Staff sessions, the admin, the API and previews are never looked up nor stored.
#
# The origins and who may purge live in a file of their own, masthead-backends.vcl, looked up on
# vcl_path: each deployment writes its own. Examples beside this file: local-backends.vcl (one
# `npm start` on this machine) and compose-backends.vcl (docker-compose.yml); server/varnish.ts
# writes one for the local processes it is given (the tests and benchmarks use it). By hand:
#   mkdir -p /etc/masthead && cp deploy/varnish/local-backends.vcl /etc/masthead/masthead-backends.vcl
#   varnishd -a :6081 -f $PWD/deploy/varnish/masthead.vcl -p vcl_path=/etc/masthead
vcl 4.1;

import std;
import directors;
import xkey;

# A backend that stops answering is left out, and its pages may then be served stale (grace below).
probe masthead_health {
    .url = "/robots.txt";
    .interval = 2s;
    .timeout = 1s;
    .window = 5;
    .threshold = 3;
}

# Defines the `origin` director (sub vcl_init) and the `purgers` ACL.
include "masthead-backends.vcl";

sub vcl_recv {
    if (req.method == "PURGE") {
        # Behind a TLS terminator, give Varnish the real client address (PROXY protocol): else
        # every request comes from the terminator's address, and that must not be in `purgers`.
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "A PURGE needs an xkey-purge header naming the keys"));
        }
        # A hard purge: a page that changed is never served again, not even stale.
        set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.x-purged));
    }

    set req.backend_hint = origin.backend();

    # Someone's own: the admin, the API (uploads included: their access rules may depend on the
    # user), previews, and any request of signed-in staff or in draft mode.
    if (req.url ~ "^/(admin|api|preview)(/|\?|$)" || req.http.Cookie ~ "(^|;)\s*(payload-token|__prerender_bypass)=") {
        return (pass);
    }
    # Reader pages are the same for every reader: other cookies (consent, analytics) must not make
    # each request a miss.
    unset req.http.Cookie;

    # One copy per encoding the origin keeps (brotli, gzip, none), each stored and sent as it came.
    # Left to itself Varnish asks the origin for gzip only, and gunzips it for every reader who did
    # not ask for gzip (brotli ones included): half the throughput on plain bytes. A coding counts
    # when listed without q=0; the origin (server/accept-encoding.ts) sends exactly the one named.
    if (req.http.Accept-Encoding ~ "(?i)(^|,)\s*br\s*(;(?!\s*q\s*=\s*0(\.0*)?\s*(,|$))|,|$)") {
        set req.http.X-Encoding = "br";
    } elsif (req.http.Accept-Encoding ~ "(?i)(^|,)\s*(x-)?gzip\s*(;(?!\s*q\s*=\s*0(\.0*)?\s*(,|$))|,|$)") {
        set req.http.X-Encoding = "gzip";
    } else {
        set req.http.X-Encoding = "identity";
    }

    # Serve a page past its lifetime (grace) only while no origin answers: stale-if-error, not
    # stale-while-revalidate.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 0s;
    }
    # Otherwise the built-in rules: only GET and HEAD are looked up, Authorization passes.
}

sub vcl_hash {
    # HSTS is sent only over HTTPS (X-Forwarded-Proto from the TLS terminator): keep the two apart.
    hash_data(req.http.X-Forwarded-Proto);
    # Encodings are kept apart by the hash, not by Vary (see vcl_recv).
    hash_data(req.http.X-Encoding);
    # The built-in vcl_hash adds the URL and Host.
}

sub vcl_backend_fetch {
    # Varnish has set Accept-Encoding: gzip by now; ask for the encoding this copy is kept in.
    if (bereq.http.X-Encoding == "identity") {
        unset bereq.http.Accept-Encoding;
    } elsif (bereq.http.X-Encoding) {
        set bereq.http.Accept-Encoding = bereq.http.X-Encoding;
    }
    unset bereq.http.X-Encoding;
}

sub vcl_backend_response {
    # Never stored, whatever the origin says: someone's own, or an error.
    if (bereq.url ~ "^/(admin|api|preview)(/|\?|$)" || beresp.http.Cache-Control ~ "(?i)(private|no-store)" || beresp.status >= 500) {
        # Hit-for-miss: the next request goes to the origin without waiting behind this one.
        set beresp.uncacheable = true;
        set beresp.ttl = 1s;
        return (deliver);
    }
    # Only what can be purged is kept: Masthead's reader pages name their keys (xkey); build
    # assets never change (their names carry a hash). Anything else goes to the origin every time.
    if (!beresp.http.xkey && bereq.url !~ "^/_next/static/") {
        set beresp.uncacheable = true;
        set beresp.ttl = 1s;
        return (deliver);
    }
    # Reader pages vary only by encoding, which the hash already holds; the Vary Next adds for its
    # router headers would only split the cache. Caches beyond get Vary back (vcl_deliver).
    if (beresp.http.xkey) {
        unset beresp.http.Vary;
    }
    # A CDN's own header, when an origin sends one, wins over Cache-Control (no RFC, but common).
    if (beresp.http.Surrogate-Control ~ "max-age=\d+") {
        set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control, "^.*max-age=(\d+).*$", "\1s"), 0s);
    }
    # s-maxage and max-age are Varnish's own rules already. stale-if-error becomes grace: how long
    # an expired page may still be served while the origins are down (see vcl_recv).
    if (beresp.http.Cache-Control ~ "stale-if-error=\d+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control, "^.*stale-if-error=(\d+).*$", "\1s"), 0s);
    }
}

sub vcl_deliver {
    # Caches beyond this one (browsers, proxies) cannot be purged: they get max-age=0 and revalidate.
    if (resp.http.Cache-Control ~ "s-maxage") {
        set resp.http.Cache-Control = regsub(regsuball(resp.http.Cache-Control, "(^|,)\s*s-maxage=\d+", ""), "^,\s*", "");
        if (resp.http.Cache-Control == "") {
            unset resp.http.Cache-Control;
        }
    }
    if (resp.http.xkey) {
        set resp.http.Vary = "Accept-Encoding";
    }
    unset resp.http.Surrogate-Control;
    unset resp.http.Surrogate-Key;
    unset resp.http.xkey;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
