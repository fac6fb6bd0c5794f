"""gunicorn settings for one Tidtam app server (systemd: deploy/tidtam.service)."""

import multiprocessing

bind = "127.0.0.1:8000"  # nginx in front; never expose gunicorn directly
workers = 2 * multiprocessing.cpu_count() + 1
timeout = 120  # a province summary or annual report PDF can take tens of seconds on a small server
graceful_timeout = 30
max_requests = 2000  # recycle workers now and then (WeasyPrint/Pango hold memory)
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = "127.0.0.1"
