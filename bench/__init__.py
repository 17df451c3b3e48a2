class Skip(Exception):  # noqa: N818 - read as "skip this benchmark"
    """Raised by a benchmark that cannot run here (a tool is missing); says why."""
