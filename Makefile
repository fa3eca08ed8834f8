# sesmon.ses — every command installs what it needs (a virtualenv in .venv, apt packages as root).
#   make demo    the main job against an embedded local AWS endpoint
#   make test    sanity + unit + integration + system tests (ends with pytest's summary line)
#   make test-matrix  sanity + unit tests on the oldest and newest supported ansible-core (part of make test)
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
# The tested matrix, CORE/PYTHON: the reference (ansible-core 2.19, Python 3.11) runs in make sanity/units
# from .venv; make test-matrix adds the oldest supported and the newest, each in a fresh venv holding
# ansible-core only (ansible-test --requirements installs the rest), on its own copy of the tree.
MATRIX := 2.17/3.11 2.21/3.13
MATRIX_VENVS := $(BUILD)/matrix
MATRIX_TREES := /var/tmp/sesmon-ses-matrix-$(shell echo $(ROOT) | sha1sum | cut -c1-8)
# pyenv's build of Python X.Y where there is one (these machines), else pythonX.Y from PATH.
python_for = $(or $(lastword $(sort $(wildcard /root/.pyenv/versions/$(1).*/bin/python$(1)))),$(shell command -v python$(1)))
# galaxy-importer, ansible-builder and ansible-runner pin what they like: they get a venv of their own.
TOOLS_VENV := $(BUILD)/tools-venv
TOOLS_STAMP := $(TOOLS_VENV)/.installed-$(shell cat requirements-tools.txt 2>/dev/null | sha1sum | cut -c1-12)

export PATH := $(VENV)/bin:$(PATH)
export ANSIBLE_COLLECTIONS_PATH := $(COLLECTIONS)
export ANSIBLE_PYTHON_INTERPRETER := $(PY)
export PYTHONPATH := $(COLLECTIONS)
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export ANSIBLE_NOCOLOR := 1

.PHONY: help setup venv tools-venv apt collection test test-matrix matrix-one sanity units integration system lint docs-lint build docsite-rst demo bench clean

help:
	@echo "make demo   - run the demo against a local AWS endpoint (moto)"
	@echo "make test   - run every test (sanity, unit, integration, system)"
	@echo "make test-matrix - sanity and units on ansible-core 2.17/Python 3.11 and 2.21/Python 3.13 (part of make test)"
	@echo "make bench  - run the benchmarks and print the figures"

setup: venv tools-venv apt collection

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

tools-venv: $(TOOLS_STAMP)

$(TOOLS_STAMP): requirements-tools.txt
	test -x $(TOOLS_VENV)/bin/python || $(PYTHON_FOR_VENV) -m venv $(TOOLS_VENV)
	$(TOOLS_VENV)/bin/python -m pip install --quiet -r requirements-tools.txt 2> >(grep -v "^WARNING: Location" >&2)
	rm -f $(TOOLS_VENV)/.installed-*
	touch $@

collection: venv
	mkdir -p $(COLLECTIONS)/ansible_collections/sesmon
	ln -sfn $(ROOT) $(COLLECTIONS)/ansible_collections/sesmon/ses
	rm -rf $(TEST_TREE) && mkdir -p $(TEST_TREE)
	tar -C $(ROOT) --exclude=./.venv --exclude=./.build --exclude=./.git --exclude=./tests/output \
	  --exclude='__pycache__' --exclude=./.pytest_cache --exclude=./.hypothesis -cf - . | tar -C $(TEST_TREE) -xf -
	mkdir -p $(HOME)/.ansible/test/cache
	cp tests/utils/get_pip_offline.py $(HOME)/.ansible/test/cache/get_pip_24_2.py

test: setup
	$(MAKE) --no-print-directory sanity units test-matrix integration system

# Sanity and units on every pair of MATRIX, each from ansible-test itself.
test-matrix:
	@for pair in $(MATRIX); do $(MAKE) --no-print-directory matrix-one CORE=$${pair%/*} PYV=$${pair#*/}; done

# One pair: a fresh venv with ansible-core CORE on Python PYV, a fresh copy of the tree, no ambient settings.
matrix-one: MVENV = $(MATRIX_VENVS)/core-$(CORE)-py$(PYV)
matrix-one: MTREE = $(MATRIX_TREES)/core-$(CORE)-py$(PYV)/ansible_collections/sesmon/ses
matrix-one:
	@test -n "$(call python_for,$(PYV))" || { echo "no Python $(PYV) on this machine" >&2; exit 1; }
	@echo "== ansible-core $(CORE) on Python $(PYV): sanity and units"
	rm -rf $(MVENV) && $(call python_for,$(PYV)) -m venv $(MVENV)
	$(MVENV)/bin/python -m pip install --quiet "ansible-core~=$(CORE).0" 2> >(grep -v "^WARNING: Location" >&2)
	rm -rf $(MTREE) && mkdir -p $(MTREE)
	tar -C $(ROOT) --exclude=./.venv --exclude=./.build --exclude=./.git --exclude=./tests/output \
	  --exclude='__pycache__' --exclude=./.pytest_cache --exclude=./.hypothesis -cf - . | tar -C $(MTREE) -xf -
	mkdir -p $(HOME)/.ansible/test/cache
	pip_version=$$(grep -ho "pip='[0-9.]*'" $(MVENV)/lib/python*/site-packages/ansible_test/_internal/python_requirements.py | tr -dc '0-9.' | tr . _) && \
	  cp tests/utils/get_pip_offline.py $(HOME)/.ansible/test/cache/get_pip_$$pip_version.py
	cd $(MTREE) && env -u PYTHONPATH -u ANSIBLE_COLLECTIONS_PATH -u ANSIBLE_PYTHON_INTERPRETER PATH=$(MVENV)/bin:/usr/local/bin:/usr/bin:/bin \
	  ansible-test sanity --python $(PYV) --requirements --color no
	cd $(MTREE) && env -u PYTHONPATH -u ANSIBLE_COLLECTIONS_PATH -u ANSIBLE_PYTHON_INTERPRETER PATH=$(MVENV)/bin:/usr/local/bin:/usr/bin:/bin \
	  ansible-test units --python $(PYV) --requirements --color no

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

# The docsite's extra docs: docs/docsite/rst/*.rst from docs/*.md (run after editing a Markdown doc).
docsite-rst: venv
	$(PY) docs/docsite/md_to_rst.py

demo: venv collection
	$(PY) demo/run_demo.py

bench: venv collection
	$(PY) bench/run_bench.py

clean:
	rm -rf $(BUILD) tests/output
