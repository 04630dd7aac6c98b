"""A django-tasks backend that runs tasks on our Celery workers.

Wagtail 8 enqueues its own background work through django-tasks. Rather than run a
second kind of worker, this backend sends each task to Celery once the surrounding
transaction has committed, so the worker sees the rows the task refers to."""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import Task, TaskResult, TaskResultStatus
from django_tasks.exceptions import InvalidTaskError
from django_tasks.signals import task_enqueued
from django_tasks.utils import get_random_id, normalize_json


class CeleryBackend(BaseTaskBackend):
    supports_defer = True
    supports_async_task = False
    supports_get_result = False
    supports_priority = False

    def validate_task(self, task: Task) -> None:
        super().validate_task(task)
        if task.takes_context:
            raise InvalidTaskError(
                "CeleryBackend does not run tasks that take a context."
            )

    def enqueue(self, task: Task, args: Any, kwargs: Any) -> TaskResult:
        from lms.celery import run_django_task

        self.validate_task(task)
        args = normalize_json(list(args))
        kwargs = normalize_json(dict(kwargs))
        task_result: TaskResult = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )

        def send() -> None:
            run_django_task.apply_async(
                args=[task.module_path, args, kwargs],
                eta=task.run_after,
                task_id=task_result.id,
            )
            task_enqueued.send(type(self), task_result=task_result)

        transaction.on_commit(send)
        return task_result
