"""gunicorn settings for one Tidtam app server (systemd: deploy/tidtam.service)."""

import multiprocessing

bind = "127.0.0.1:8000"  # nginx in front; never expose gunicorn directly
# One sync worker per core: the requests are CPU-bound (PostgreSQL answers in about a millisecond),
# and more processes than cores only add switching. Measured by bench/bench_load.py on 2 cores:
# 2 workers ≈ 150–160 saves/s, 3 ≈ 133, 5 ≈ 119; 2 workers × 4 threads (gthread) ≈ 91.
# Add one worker per long request you expect at once (a big import takes a worker while it runs;
# annual-report PDFs are made by the background worker, not here).
workers = multiprocessing.cpu_count()
timeout = 120  # a province summary or annual report PDF can take tens of seconds on a small server
graceful_timeout = 30
max_requests = 2000  # recycle workers now and then (WeasyPrint/Pango hold memory)
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = "127.0.0.1"
