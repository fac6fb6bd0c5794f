"""gunicorn settings for one Tidtam app server (systemd: deploy/tidtam.service)."""

import multiprocessing

bind = "127.0.0.1:8000"  # nginx in front; never expose gunicorn directly
# One sync worker per core: the requests are CPU-bound and more processes than cores only add
# switching (bench/bench_load.py; the figures are in docs/performance.md).
# Long work (imports, big PDFs/DOCX, the province-wide evaluation, announced reports) runs on the
# background workers (deploy/tidtam-worker@.service), not in a request.
workers = multiprocessing.cpu_count()
timeout = 120  # long work runs on the background workers; this only guards against a stuck request
graceful_timeout = 30
# Recycle workers now and then (WeasyPrint/Pango hold memory), but not often: a new worker loads
# Django and the app again, and recycling every few thousand requests costs the quarter-end burst
# a visible share of its throughput (docs/performance.md, "Figures behind the code's choices").
max_requests = 20000
max_requests_jitter = 2000
worker_tmp_dir = "/dev/shm"  # noqa: S108 - gunicorn makes its heartbeat files there with mkstemp; memory, not disk
accesslog = None  # nginx logs every request (Debian's /var/log/nginx/access.log); not twice
errorlog = "-"
# nginx on this host is the only peer whose X-Forwarded-Proto gunicorn believes. gunicorn does not
# rewrite REMOTE_ADDR from X-Forwarded-For: the app reads the client's address itself, from the
# header nginx overwrites, and only when the peer is in TRUSTED_PROXIES (core/clients.py).
forwarded_allow_ips = "127.0.0.1,::1"
