# Trygplan's container image: gunicorn serving the app; the same image runs the task worker
# (`trygplan db_worker`) and the scheduled jobs (`trygplan run-jobs --loop`). See README "Drift".
FROM python:3.12-slim-bookworm

# WeasyPrint needs Pango (with HarfBuzz) and fonts for PDFs; SAML login needs xmlsec1.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 \
        fonts-dejavu-core xmlsec1 \
    && rm -rf /var/lib/apt/lists/*

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/app/.venv \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    PATH=/app/.venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=config.settings.base \
    MEDIA_ROOT=/data/media \
    TRYGPLAN_PRIVATE_MEDIA_ROOT=/data/uploads \
    PORT=8000

RUN pip install --no-cache-dir "uv>=0.5,<1"

WORKDIR /app
# Dependencies first (from the lock file), so a code change does not reinstall them.
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
# The translations' .mo files are in the repository; static files are collected into the image.
RUN uv sync --frozen --no-dev \
    && SECRET_KEY=collectstatic-only trygplan collectstatic --noinput

# A user without a login shell or a writable home; it owns only the uploads.
RUN useradd --system --uid 10001 --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin trygplan \
    && mkdir -p /data/media /data/uploads \
    && chown trygplan:trygplan /data/media /data/uploads
VOLUME ["/data/media", "/data/uploads"]
USER trygplan

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "/app/deploy/healthcheck.py"]

ENTRYPOINT ["/app/deploy/entrypoint.sh"]
CMD ["gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"]
