# sesmon.ses — every command installs what it needs (a virtualenv in .venv, apt packages as root).
#   make demo    the main job against an embedded local AWS endpoint
#   make test    sanity + unit + integration + system tests (ends with pytest's summary line)
#   make bench   benchmarks (not part of make test)

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

ROOT := $(CURDIR)
VENV := $(ROOT)/.venv
PY := $(VENV)/bin/python
PYTHON_FOR_VENV := $(shell command -v python3.11 || command -v python3)
BUILD := $(ROOT)/.build
# A symlink to this checkout, for ansible-playbook and pytest imports.
COLLECTIONS := $(BUILD)/collections
# A copy, for ansible-test: it needs a real ansible_collections/<ns>/<name> directory, outside
# this git checkout (inside it, ansible-test would only see the files git tracks there: none).
TEST_TREE := /var/tmp/sesmon-ses-$(shell echo $(ROOT) | sha1sum | cut -c1-8)/ansible_collections/sesmon/ses
APT_PACKAGES := shellcheck $(shell cat tests/system/role_support/apt-packages.txt 2>/dev/null)
VENV_STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)

export PATH := $(VENV)/bin:$(PATH)
export ANSIBLE_COLLECTIONS_PATH := $(COLLECTIONS)
export ANSIBLE_PYTHON_INTERPRETER := $(PY)
export PYTHONPATH := $(COLLECTIONS)
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export ANSIBLE_NOCOLOR := 1

.PHONY: help setup venv apt collection test sanity units integration system lint docs-lint build demo bench clean

help:
	@echo "make demo   - run the demo against a local AWS endpoint (moto)"
	@echo "make test   - run every test (sanity, unit, integration, system)"
	@echo "make bench  - run the benchmarks and print the figures"

setup: venv apt collection

venv: $(VENV_STAMP)

$(VENV_STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON_FOR_VENV) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements-dev.txt 2> >(grep -v "^WARNING: Location" >&2)
	rm -f $(VENV)/.installed-*
	touch $@

apt:
	@if ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
	  echo "Installing apt packages: $(APT_PACKAGES)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(APT_PACKAGES) >/dev/null; \
	fi

collection: venv
	mkdir -p $(COLLECTIONS)/ansible_collections/sesmon
	ln -sfn $(ROOT) $(COLLECTIONS)/ansible_collections/sesmon/ses
	rm -rf $(TEST_TREE) && mkdir -p $(TEST_TREE)
	tar -C $(ROOT) --exclude=./.venv --exclude=./.build --exclude=./.git --exclude=./tests/output \
	  --exclude='__pycache__' --exclude=./.pytest_cache --exclude=./.hypothesis -cf - . | tar -C $(TEST_TREE) -xf -
	mkdir -p $(HOME)/.ansible/test/cache
	cp tests/utils/get_pip_offline.py $(HOME)/.ansible/test/cache/get_pip_24_2.py

test: setup
	$(MAKE) --no-print-directory sanity units integration system

sanity:
	cd $(TEST_TREE) && ansible-test sanity --python 3.11 --requirements --color no

units:
	cd $(TEST_TREE) && ansible-test units --python 3.11 --requirements --color no

integration:
	cd $(TEST_TREE) && $(PY) tests/utils/with_moto.py tests/integration/integration_config.yml -- \
	  ansible-test integration --python 3.11 --color no

# Playbook-level tests: role on debootstrapped chroots, packaging, docs, demo, secrets (pytest summary last).
system:
	$(PY) -m pytest tests/system -p no:cacheprovider -q -ra

demo: venv collection
	$(PY) demo/run_demo.py

bench: venv collection
	$(PY) bench/run_bench.py

clean:
	rm -rf $(BUILD) tests/output
