# The two commands of the README: `make demo` and `make test`. Everything else is a helper.
PY := .venv/bin/python
PG_URL := postgres://tidtam:tidtam@127.0.0.1:5432/tidtam
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test test-sqlite test-postgres lint setup setup-dev setup-bench bench fmt

setup:
	scripts/bootstrap.sh run

setup-dev:
	scripts/bootstrap.sh dev

demo: setup
	$(PY) manage.py migrate --noinput
	LOG_LEVEL=WARNING $(PY) manage.py seed_demo
	@echo ""
	@echo "  Tidtam: http://$(HOST):$(PORT)/   (ผู้ใช้ทดลองแสดงด้านบน, รหัสผ่าน: demo)"
	@echo ""
	# the background worker (imports, documents, announced reports) next to the web server, both
	# with DEBUG off as in production (runserver --insecure serves the static files)
	export SITE_URL=http://$(HOST):$(PORT) DEBUG=0 SECRET_KEY=demo-only-not-secret-$(shell hostname) \
		SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 SECURE_HSTS_SECONDS=0 ALLOWED_HOSTS=$(HOST),localhost,127.0.0.1; \
	$(PY) manage.py db_worker --no-reload --interval 1 --verbosity 0 & WORKER=$$!; \
	trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver --insecure $(HOST):$(PORT)

test: setup-dev lint test-sqlite test-postgres

test-sqlite:
	$(PY) -m pytest -q

test-postgres:
	scripts/pg_setup.sh
	DATABASE_URL=$(PG_URL) $(PY) -m pytest -q

lint: setup-dev
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy .

fmt:
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

setup-bench:
	scripts/bootstrap.sh bench

bench: setup-bench
	scripts/pg_setup.sh
	$(PY) bench/bench_import.py
	$(PY) bench/bench_monitoring.py
	$(PY) bench/bench_annual.py
	$(PY) bench/bench_load.py --seconds 60
