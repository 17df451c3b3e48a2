"""gunicorn's configuration: `gunicorn -c config/gunicorn.conf.py config.wsgi`.

Why gunicorn (WSGI) and not an ASGI server: every page is server-rendered and synchronous
(the ORM, WeasyPrint); nothing streams or holds a connection open. Sync workers with a few
threads each are the simplest thing that serves it, and gunicorn is what the Debian and
Django documentation describe.

Environment (all optional):
  PORT                   8000
  GUNICORN_WORKERS       processes (default 2 × CPU cores + 1, at most 8)
  GUNICORN_THREADS       threads per process (default 4)
  GUNICORN_TIMEOUT       seconds before a stuck request's worker is replaced (default 120:
                         a long plan PDF takes seconds, never minutes)
  FORWARDED_ALLOW_IPS    addresses of the proxies whose X-Forwarded-* headers count
                         (default 127.0.0.1; "*" inside a container network behind a proxy)
"""

import multiprocessing
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("GUNICORN_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 8)))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
keepalive = 5
# A fresh worker now and then keeps a slow leak (fonts, PDFs) from growing without end.
max_requests = 2000
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Load the app once, then fork: faster start, less memory.
preload_app = True
# No control socket in $HOME: the container's user has no writable home, and nothing uses it.
control_socket_disable = True
# Uploads are buffered in /dev/shm-backed tmp where the container has it.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Logs: one JSON object a line on stdout (access) and stderr (gunicorn's own), like the app's.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms'
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "trygplan.core.logs.JsonFormatter"},
        "text": {"()": "trygplan.core.logs.TextFormatter"},
    },
    "handlers": {
        "access": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": os.environ.get("LOG_FORMAT", "json"),
        },
        "error": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": os.environ.get("LOG_FORMAT", "json"),
        },
    },
    "root": {"level": "WARNING", "handlers": ["error"]},
    "loggers": {
        "gunicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
        "gunicorn.error": {"handlers": ["error"], "level": "INFO", "propagate": False},
    },
}
