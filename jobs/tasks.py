from django.tasks import task

from jobs import services


@task()
def run_job(job_id: int, attempt: int) -> str:
    return services.execute(job_id, attempt)
