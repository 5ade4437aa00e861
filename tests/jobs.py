"""The job queue in tests: run the worker here, look at the jobs waiting (fixture
`job_queue`), and mail servers that are down (fixture `mail_server_down`)."""

import socket
import threading
from contextlib import contextmanager

from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def run_jobs(worker_id="test-worker"):
    """Run every job that is due, in this thread, as `manage.py run_worker` does (without
    the schedule), and return when none is left."""
    Worker(
        queue_names=["*"],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
    ).run()


def jobs(task, status=TaskResultStatus.READY):
    """The DBTaskResult rows of `task` (a django-tasks Task) in `status`, oldest first."""
    return list(
        DBTaskResult.objects.filter(task_path=task.module_path, status=status).order_by(
            "enqueued_at"
        )
    )


def closed_port():
    """A loopback port nothing listens on: connecting is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def busy_smtp_server():
    """A mail server on loopback that greets every connection with "421 busy" and hangs
    up, as a server does while it refuses mail; yields its port."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                connection, _address = listener.accept()
            except TimeoutError:
                continue
            with connection:
                connection.sendall(b"421 4.3.2 Service not available, try again later\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()
